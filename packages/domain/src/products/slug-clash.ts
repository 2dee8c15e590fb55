/**
 * The database gives a new product its slug (trigger Product_slug_on_insert: the name's slug, -2,
 * -3 on a clash). Two saves of one name at the same moment can pick the same one; the unique index
 * refuses the later, and saving again picks the next free suffix (each round one of them wins).
 */
export function isSlugClash(error: unknown): boolean {
  const { code, meta, message } = error as { code?: string; meta?: unknown; message?: string };
  return code === "P2002" && `${JSON.stringify(meta ?? {})} ${message ?? ""}`.includes("slug");
}

export async function retryOnSlugClash<T>(save: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await save();
    } catch (error) {
      if (attempt >= attempts || !isSlugClash(error)) throw error;
    }
  }
}
