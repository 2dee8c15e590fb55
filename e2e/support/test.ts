import { test as base, expect, type Page } from "@playwright/test";

/** Console messages the browser logs when the Content-Security-Policy blocks something. */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * Playwright's test, failing any test whose page throws an uncaught error (a crash the assertions
 * might not notice) or logs a Content-Security-Policy violation (the server's CSP broke the SPA).
 */
export const test = base.extend<{ failOnPageError: undefined }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
      const cspViolations = collectCspViolations(page);
      await use(undefined);
      expect(errors, "uncaught errors in the page").toEqual([]);
      expect(cspViolations, "Content-Security-Policy violations in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
