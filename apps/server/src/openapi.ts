import { releaseCartInput, reserveCartInput, setOrderStatusInput } from "@stockroom/domain";
import { z } from "zod";

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string", description: "Domain error code, e.g. CONFLICT, NOT_FOUND, VALIDATION_FAILED" },
        message: { type: "string", description: "Message safe to show a person" },
        fields: { type: ["object", "null"], additionalProperties: { type: "string" }, description: "Field -> reason" },
        details: { description: "Structured details, e.g. shortLines with requested and available quantities" },
        requestId: { type: "string" },
      },
    },
  },
};

const errors = (codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [String(code), { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
  );

const json = (schema: z.ZodType) => ({ "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } });

/** OpenAPI 3.1 document for the REST paths; request schemas come from the same zod schemas the domain validates with. */
export function openApiDocument() {
  const cartToken = {
    name: "x-cart-token",
    in: "header",
    required: true,
    schema: { type: "string", minLength: 20 },
    description: "The guest cart's secret token",
  };
  const idempotencyKey = { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string" }, description: "Replays return the first result" };
  const csrf = { name: "x-stockroom-csrf", in: "header", required: true, schema: { const: "1" } };
  return {
    openapi: "3.1.0",
    info: { title: "Stockroom REST API", version: "1.0.0", description: "Integration paths over the same domain functions as the tRPC API." },
    paths: {
      "/api/cart/reserve": {
        post: {
          summary: "Hold stock for the cart's lines (create or refresh), all or nothing, FEFO",
          parameters: [cartToken, csrf, idempotencyKey],
          requestBody: { required: true, content: json(reserveCartInput.omit({ idempotencyKey: true })) },
          responses: { "200": { description: "Holds and their expiry" }, ...errors([400, 401, 404, 409]) },
        },
      },
      "/api/cart/reserve/{id}": {
        delete: {
          summary: "Release one of the cart's holds",
          parameters: [cartToken, csrf, { name: "id", in: "path", required: true, schema: z.toJSONSchema(releaseCartInput.shape.holdId.unwrap()) }],
          responses: { "200": { description: "How many holds were released" }, ...errors([400, 401, 404]) },
        },
      },
      "/api/orders/{id}/status": {
        post: {
          summary: "Move an order to a new status (staff session); stock leaves on hand once, at DISPATCHED or DELIVERED",
          parameters: [csrf, idempotencyKey, { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          requestBody: { required: true, content: json(setOrderStatusInput.pick({ status: true, reason: true })) },
          responses: { "200": { description: "The order's new status and the movements written" }, ...errors([400, 401, 403, 404, 409]) },
        },
      },
    },
    components: { schemas: { Error: errorSchema } },
  };
}
