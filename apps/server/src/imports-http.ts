import { Transform } from "node:stream";
import type { ContextInner } from "@stockroom/api";
import { type CsvExport, csvStream, DomainError, dryRunImport, exportLots, exportMovements, exportProducts, type StaffActor } from "@stockroom/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

type ContextFactory = (req: FastifyRequest, res: FastifyReply) => Promise<ContextInner>;
type Query = Record<string, string | undefined>;

/** The largest upload (100,000 stock rows are ~5 MB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function staffOf(ctx: ContextInner): StaffActor {
  if (ctx.actor.kind !== "staff") throw new DomainError("UNAUTHENTICATED", "Sign in first.");
  return ctx.actor;
}

function limitBytes(max: number) {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max)
        done(new DomainError("VALIDATION_FAILED", `The file is larger than ${max / 1024 / 1024} MB; split it.`, { fields: { file: "too large" } }));
      else done(null, chunk);
    },
  });
}

/**
 * CSV uploads and downloads. Upload: `POST /api/imports?kind=STOCK|PRODUCTS&fileName=...` with the
 * file as the body (text/csv), streamed into the dry run; the answer is its report (apply with the
 * `imports.run` procedure). Exports stream a keyset walk through csv-stringify as an attachment.
 */
export function registerImportExportRoutes(app: FastifyInstance, createContext: ContextFactory): void {
  // The body stays a stream: the dry run reads it row by row.
  app.addContentTypeParser(["text/csv", "application/vnd.ms-excel"], (_req, payload, done) => done(null, payload));

  app.post<{ Querystring: Query }>("/api/imports", async (req, res) => {
    const ctx = await createContext(req, res);
    const actor = staffOf(ctx);
    if (!(req.body && typeof (req.body as NodeJS.ReadableStream).pipe === "function"))
      throw new DomainError("VALIDATION_FAILED", "Send the file as the body with Content-Type: text/csv.", { fields: { file: "missing" } });
    const body = (req.body as NodeJS.ReadableStream).pipe(limitBytes(MAX_IMPORT_BYTES));
    const { kind, fileName, producerId } = req.query;
    return dryRunImport(ctx.deps, actor, { kind: kind as "STOCK", fileName: fileName ?? "", producerId }, body);
  });

  const send = (res: FastifyReply, name: string, exp: CsvExport) =>
    res.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}"`).send(csvStream(exp));
  const day = () => new Date().toISOString().slice(0, 10);
  const filters = (q: Query) => ({
    producerId: q.producerId,
    search: q.search,
    category: q.category,
    locationId: q.locationId,
    status: q.status as "low" | undefined,
  });

  app.get<{ Querystring: Query }>("/api/exports/products.csv", async (req, res) => {
    const ctx = await createContext(req, res);
    return send(res, `products-${day()}.csv`, exportProducts(ctx.deps, staffOf(ctx), filters(req.query)));
  });
  app.get<{ Querystring: Query }>("/api/exports/lots.csv", async (req, res) => {
    const ctx = await createContext(req, res);
    return send(res, `inventory-${day()}.csv`, exportLots(ctx.deps, staffOf(ctx), filters(req.query)));
  });
  app.get<{ Querystring: Query }>("/api/exports/movements.csv", async (req, res) => {
    const ctx = await createContext(req, res);
    const { producerId, productId, from, to } = req.query;
    const exp = await exportMovements(ctx.deps, staffOf(ctx), { producerId, productId, from: from ?? "", to: to ?? "" });
    return send(res, `movements-${from}-${to}.csv`, exp);
  });
}
