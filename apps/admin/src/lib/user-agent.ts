/** "Firefox on Linux" from a User-Agent header: enough to recognise one's own devices. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown browser";
  const browser =
    [
      ["Edg/", "Edge"],
      ["OPR/", "Opera"],
      ["Firefox/", "Firefox"],
      ["Chrome/", "Chrome"],
      ["Chromium/", "Chromium"],
      ["Safari/", "Safari"],
    ].find(([token]) => userAgent.includes(token as string))?.[1] ?? "Browser";
  const system =
    [
      ["iPhone", "iPhone"],
      ["iPad", "iPad"],
      ["Android", "Android"],
      ["Windows", "Windows"],
      ["Mac OS X", "macOS"],
      ["CrOS", "ChromeOS"],
      ["Linux", "Linux"],
    ].find(([token]) => userAgent.includes(token as string))?.[1] ?? null;
  return system ? `${browser} on ${system}` : browser;
}
