/** The two systems Playwright starts (playwright.config.ts): the main one, and one whose holds last seconds. */
export const MAIN_PORT = 3100;
export const MAIN_URL = `http://127.0.0.1:${MAIN_PORT}`;

export const SHORT_TTL_PORT = 3101;
export const SHORT_TTL_URL = `http://127.0.0.1:${SHORT_TTL_PORT}`;
/** HOLD_TTL_SECONDS of the short-TTL server. */
export const SHORT_HOLD_TTL_SECONDS = 8;
