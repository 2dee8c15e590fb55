import { randomBytes } from "node:crypto";
import { createPool } from "@stockroom/db";
import { createHoldCoalescer, DEFAULT_CART_MAX_PER_PRODUCT, type Deps, HOLD_COALESCER_DEFAULTS } from "@stockroom/domain";

/**
 * The hold path without HTTP: `callers` concurrent loops calling the coalescer in this process for
 * `seconds`, each hold a new cart of one unit. Separates what Postgres and the batches can do from
 * what the HTTP server costs on the same cores.
 */
export async function holdsInProcess(
  deps: Deps,
  url: string,
  options: { callers: number; seconds: number; productFor: () => string },
): Promise<{ holds: number; perSecond: number; batches: number; refused: number }> {
  // The server's default configuration: one connection per batch that can be in flight.
  const pool = createPool(url, HOLD_COALESCER_DEFAULTS.lanes * HOLD_COALESCER_DEFAULTS.depth);
  const coalescer = createHoldCoalescer({ pool, jobs: deps.jobs, clock: deps.clock });
  let holds = 0;
  let refused = 0;
  const deadline = Date.now() + options.seconds * 1000;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: options.callers }, async () => {
        while (Date.now() < deadline) {
          const outcome = await coalescer.reserve({
            cartId: randomBytes(18).toString("base64url"),
            lines: [{ productId: options.productFor(), quantity: 1 }],
            expiresAt: new Date(Date.now() + 15 * 60_000),
            maxPerProduct: DEFAULT_CART_MAX_PER_PRODUCT,
          });
          if (outcome.ok) holds++;
          else refused++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return { holds, perSecond: holds / elapsed, batches: coalescer.stats().batches, refused };
  } finally {
    await coalescer.drained();
    await pool.end();
  }
}
