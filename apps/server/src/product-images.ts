import fastifyMultipart from "@fastify/multipart";
import { type ContextInner, createCaller } from "@stockroom/api";
import { type Deps, DomainError, MAX_IMAGE_BYTES, readProductImage, uploadProductImage } from "@stockroom/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

type ContextFactory = (req: FastifyRequest, res: FastifyReply) => Promise<ContextInner>;

/** The multipart field an upload comes in; errors about the file name it. */
export const IMAGE_FIELD = "file";
const ONE_YEAR = 31_536_000;

const badFile = (message: string) => new DomainError("VALIDATION_FAILED", message, { fields: { [IMAGE_FIELD]: message } });

/**
 * Uploads (staff, catalog.edit, CSRF header: registered inside the REST scope) and the public image
 * files. Stored images never change (a new upload gets a new key), so they are cached for a year.
 */
export async function registerProductImageRoutes(app: FastifyInstance, createContext: ContextFactory): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 2, parts: 3 } });

  app.post<{ Params: { productId: string } }>("/api/products/:productId/images", async (req, res) => {
    const ctx = await createContext(req, res);
    if (ctx.actor.kind !== "staff") throw new DomainError("UNAUTHENTICATED", "Sign in first.");
    if (!req.isMultipart()) throw badFile("Send the image as multipart/form-data in the field “file”.");
    const file = await req.file();
    if (!file || file.fieldname !== IMAGE_FIELD) throw badFile("Choose an image to upload.");
    const bytes = await file.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw badFile(`The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
      throw error;
    });
    const image = await uploadProductImage(ctx.deps, ctx.actor, { productId: req.params.productId, bytes });
    return res.code(201).send(image);
  });

  app.delete<{ Params: { productId: string; imageId: string } }>("/api/products/:productId/images/:imageId", async (req, res) =>
    createCaller(await createContext(req, res)).products.removeImage({ productId: req.params.productId, imageId: req.params.imageId }),
  );
}

/** GET /images/<key>/<size>.webp: public, immutable. */
export function registerImageFiles(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { key: string; file: string } }>("/images/:key/:file", async (req, res) => {
    const match = /^([a-z]+)\.webp$/.exec(req.params.file);
    const data = match ? await readProductImage(deps, { key: req.params.key, size: match[1] as string }) : null;
    if (!data)
      return res
        .code(404)
        .header("cache-control", "no-store")
        .send({ error: { code: "NOT_FOUND", message: "Image not found." } });
    return res.header("content-type", "image/webp").header("cache-control", `public, max-age=${ONE_YEAR}, immutable`).send(data);
  });
}
