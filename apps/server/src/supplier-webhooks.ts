import { applySupplierStockUpdate, type Deps } from "@stockroom/domain";
import type { FastifyInstance } from "fastify";
import { restErrorHandler } from "./rest.ts";

/** A supplier's update is small; anything larger is refused before it is read. */
const MAX_SUPPLIER_WEBHOOK_BYTES = 1024 * 1024;

/**
 * `POST /webhooks/supplier/<supplierId>/stock-update`: signed by the supplier (standardwebhooks:
 * webhook-id, webhook-timestamp, webhook-signature; their secret; 5 minutes' tolerance), so no
 * session and no CSRF header. The body is kept as the exact bytes received: the signature covers
 * them. Unknown supplier 404, bad signature 401 (logged, nothing changed), malformed body 400
 * naming the field; a replayed event id answers 200 "duplicate" and changes nothing.
 */
export async function registerSupplierWebhooks(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler(restErrorHandler);
    scope.addContentTypeParser("*", { parseAs: "string", bodyLimit: MAX_SUPPLIER_WEBHOOK_BYTES }, (_req, body, done) => done(null, body));
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: MAX_SUPPLIER_WEBHOOK_BYTES }, (_req, body, done) => done(null, body));
    scope.post<{ Params: { supplierId: string } }>("/webhooks/supplier/:supplierId/stock-update", async (req) => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
      try {
        return await applySupplierStockUpdate(deps, { supplierId: req.params.supplierId, rawBody: typeof req.body === "string" ? req.body : "", headers });
      } catch (error) {
        if ((error as { code?: string }).code === "UNAUTHENTICATED")
          req.log.warn({ supplierId: req.params.supplierId, webhookId: headers["webhook-id"], reason: (error as Error).message }, "supplier webhook refused");
        throw error;
      }
    });
  });
}
