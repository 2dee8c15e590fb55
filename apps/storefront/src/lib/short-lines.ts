import { asTrpcError } from "@stockroom/ui";
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
