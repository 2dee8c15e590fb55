import { z } from "zod";

type Loose<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodCatch<z.ZodOptional<z.ZodType<NonNullable<z.output<T[K]>>>>> };

/**
 * A contract's fields as URL search params (TanStack Router `validateSearch`): each one optional,
 * without the server's default, and dropped (not an error) when a hand-edited link holds a bad value.
 */
export function urlSearchSchema<T extends z.ZodRawShape>(shape: T): z.ZodObject<Loose<T>> {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    let inner = field as z.ZodType;
    while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    fields[key] = inner.optional().catch(undefined);
  }
  return z.object(fields) as unknown as z.ZodObject<Loose<T>>;
}
