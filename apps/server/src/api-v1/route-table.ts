import {
  adjustLotInput,
  batchUpdateInput,
  createProductInput,
  listMovementsShape,
  listOrdersShape,
  listProductsInput,
  MAX_ORDERS_LIMIT,
  nextProductsCursor,
  receiveLotInput,
  setOnHandInput,
  setOrderStatusInput,
  transferLotInput,
  updateProductInput,
  writeOffLotInput,
} from "@stockroom/domain";
import { z } from "zod";
import { type ProductDetailSchema, productStockSchema, stockFrom } from "./stock-answer.ts";

/**
 * One row per /api/v1 route: which procedure it calls and how the request becomes its input. The
 * procedure decides everything else (permission, validation, tenancy, errors), and its schemas
 * document the route. Adding a route is one entry here.
 */
export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Under /api/v1, OpenAPI style (`{productId}`). */
  path: string;
  /** The tRPC procedure called with the key's actor. */
  procedure: string;
  summary: string;
  tag: "Products" | "Stock" | "Orders" | "Movements";
  /** 201 for creations; 200 otherwise. */
  status?: 200 | 201;
  /** GET: the query parameters, parsed (strings coerced) before the procedure's own input check. */
  query?: z.ZodObject;
  /** The request body as documented (the procedure's input minus path fields). */
  body?: z.ZodType;
  /** The procedure's input from the parsed query or body and the path parameters. */
  input?: (request: Record<string, unknown>) => unknown;
  /** The answer when it is not the procedure's output as is, and its schema (made from the procedure's output schema). */
  answer?: { schema: (output: never) => z.ZodType; from: (result: never, request: Record<string, unknown>) => unknown };
}

const limit = (max: number) => z.coerce.number().int().min(1).max(max).default(50).describe(`Rows per page (1-${max})`);
const cursor = z.string().max(500).optional().describe("Opaque: the previous page's nextCursor");
const page = (item: z.core.$ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe("Null after the last page") });

export const API_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/products",
    procedure: "products.list",
    tag: "Products",
    summary: "List products by name (keyset cursor)",
    query: listProductsInput.omit({ producerId: true }).extend({ limit: limit(200), cursor }),
    answer: {
      schema: (output: z.ZodArray) => page(output.element),
      from: (items: { name: string; id: string }[], q) => ({ items, nextCursor: nextProductsCursor(items, q.limit as number) }),
    },
  },
  { method: "GET", path: "/products/{productId}", procedure: "products.get", tag: "Products", summary: "Get a product" },
  {
    method: "POST",
    path: "/products",
    procedure: "products.create",
    tag: "Products",
    summary: "Create a product",
    status: 201,
    body: createProductInput.omit({ producerId: true }),
  },
  {
    method: "PATCH",
    path: "/products/{productId}",
    procedure: "products.update",
    tag: "Products",
    summary: "Change some of a product's fields",
    body: updateProductInput.omit({ productId: true }),
  },
  { method: "POST", path: "/products/{productId}/archive", procedure: "products.archive", tag: "Products", summary: "Archive a product (it leaves the shop)" },
  {
    method: "GET",
    path: "/products/{productId}/stock",
    procedure: "reports.product",
    tag: "Stock",
    summary: "A product's stock: available, per location and per lot",
    answer: { schema: productStockSchema, from: stockFrom },
  },
  {
    method: "GET",
    path: "/products/{productId}/lots",
    procedure: "reports.product",
    tag: "Stock",
    summary: "A product's lots with stock, by expiry",
    answer: {
      schema: (output: ProductDetailSchema) => z.object({ items: output.shape.lots }),
      from: (detail: { lots: unknown[] }) => ({ items: detail.lots }),
    },
  },
  {
    method: "POST",
    path: "/stock/receive",
    procedure: "stock.receive",
    tag: "Stock",
    summary: "Receive a lot",
    status: 201,
    body: receiveLotInput.omit({ idempotencyKey: true }),
  },
  {
    method: "POST",
    path: "/stock/adjust",
    procedure: "stock.adjust",
    tag: "Stock",
    summary: "Adjust a lot's on hand",
    body: adjustLotInput.omit({ idempotencyKey: true }),
  },
  {
    method: "PUT",
    path: "/stock/on-hand",
    procedure: "stock.setOnHand",
    tag: "Stock",
    summary:
      "Set a lot's on hand, compare-and-set: send the on hand you read as expectedOnHand; if the lot holds anything else the answer is 409 with the current value in details.currentOnHand and nothing changes",
    body: setOnHandInput.omit({ idempotencyKey: true }),
  },
  {
    method: "POST",
    path: "/products/batch-update",
    procedure: "stock.batchUpdate",
    tag: "Stock",
    summary:
      "Set or adjust the stock of up to 1,000 products (by id or SKU) or lots in one call; each item gets its own result and failures do not stop the others; one Idempotency-Key covers the batch",
    body: batchUpdateInput.omit({ idempotencyKey: true, producerId: true }),
  },
  {
    method: "POST",
    path: "/stock/transfer",
    procedure: "stock.transfer",
    tag: "Stock",
    summary: "Move units of a lot to another location",
    body: transferLotInput.omit({ idempotencyKey: true }),
  },
  {
    method: "POST",
    path: "/stock/write-off",
    procedure: "stock.writeOff",
    tag: "Stock",
    summary: "Write off units of a lot",
    body: writeOffLotInput.omit({ idempotencyKey: true }),
  },
  {
    method: "GET",
    path: "/orders",
    procedure: "orders.list",
    tag: "Orders",
    summary: "List orders, newest first (keyset cursor)",
    query: listOrdersShape.pick({ status: true, fulfilment: true, from: true, to: true, search: true }).extend({ limit: limit(MAX_ORDERS_LIMIT), cursor }),
    input: ({ limit: pageSize, ...q }) => ({ ...q, pageSize, sort: "placed", direction: "desc" }),
    answer: {
      schema: (output: z.ZodObject<{ orders: z.ZodArray }>) => page(output.shape.orders.element),
      from: (result: { orders: unknown[]; nextCursor: string | null }) => ({ items: result.orders, nextCursor: result.nextCursor }),
    },
  },
  { method: "GET", path: "/orders/{orderId}", procedure: "orders.get", tag: "Orders", summary: "Get an order with its lines, lots and timeline" },
  {
    method: "POST",
    path: "/orders/{orderId}/status",
    procedure: "orders.setStatus",
    tag: "Orders",
    summary: "Move an order to a new status (stock leaves once, at DISPATCHED or DELIVERED)",
    body: setOrderStatusInput.pick({ status: true, reason: true }),
  },
  {
    method: "GET",
    path: "/movements",
    procedure: "stock.movements",
    tag: "Movements",
    summary: "The stock ledger, newest first (keyset cursor); filter by product, lot, type and days",
    query: listMovementsShape.omit({ producerId: true }).extend({ limit: limit(200) }),
  },
];
