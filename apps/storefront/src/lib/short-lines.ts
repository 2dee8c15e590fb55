import { asTrpcError, fieldErrors } from "@stockroom/ui";
import { z } from "zod";

export interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}

const shortLinesSchema = z.object({
  shortLines: z.array(z.object({ productId: z.string(), requested: z.number(), available: z.number() })),
});

/** A hold or order refused for short stock (CONFLICT): what each short line asked for and what is there now. */
export function shortLines(error: unknown): ShortLine[] | null {
  const data = asTrpcError(error)?.data;
  if (data?.code !== "CONFLICT") return null;
  const parsed = shortLinesSchema.safeParse(data.details);
  return parsed.success ? parsed.data.shortLines : null;
}

/**
 * The server's reasons for single lines (fields `lines.<i>.quantity`, e.g. a limit per order),
 * keyed by the product of line i of the request that was refused.
 */
export function lineErrors(error: unknown, lines: { productId: string }[]): Record<string, string> {
  const byProduct: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const index = /^lines\.(\d+)\.quantity$/.exec(field)?.[1];
    const line = index === undefined ? undefined : lines[Number(index)];
    if (line) byProduct[line.productId] = message;
  }
  return byProduct;
}
