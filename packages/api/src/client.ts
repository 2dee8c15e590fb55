// What the SPAs may import: types only. Importing this file brings no server code into a bundle.
export type { AppRouter } from "./root.ts";
export type { ErrorData } from "./trpc.ts";
/** Header every browser request carries; the server rejects mutations without it (CSRF). */
export const CSRF_HEADER = "x-stockroom-csrf";
/** Header carrying a guest's cart token on cart and order calls. */
export const CART_TOKEN_HEADER = "x-cart-token";
