/** Only same-app paths are followed after sign-in, never another origin ("//evil.example"). */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return "/";
  return target;
}
