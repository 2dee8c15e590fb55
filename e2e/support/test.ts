import { test as base, expect } from "@playwright/test";

/** Playwright's test, failing any test whose page throws an uncaught error (a crash the assertions might not notice). */
export const test = base.extend<{ failOnPageError: undefined }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
      await use(undefined);
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
