/** `%term%` for ILIKE, with LIKE's wildcards (and its escape character) in the term matching themselves. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
