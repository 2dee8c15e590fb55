import { z } from "zod";

/**
 * Form inputs hold text; the contracts take numbers. These parse what a person typed and then
 * apply the contract's own rule (and message), so the browser and the server check the same thing.
 */
export function wholeNumberText<T extends z.ZodType<unknown, number>>(rule: T) {
  return z
    .string()
    .trim()
    .min(1, "Enter a number.")
    .regex(/^[-+]?\d*$/, "Enter a whole number.")
    .transform(Number)
    .refine(Number.isSafeInteger, "That number is too large.")
    .pipe(rule);
}

/** "2.49" or "£2.49" pounds -> 249 pence, then the contract's rule. */
export function moneyText<T extends z.ZodType<unknown, number>>(rule: T) {
  return z
    .string()
    .trim()
    .transform((text) => text.replace(/^£/, ""))
    .refine((text) => text !== "", "Enter an amount.")
    .refine((text) => text === "" || /^\d+(\.\d{1,2})?$/.test(text), "Enter an amount like 2.49.")
    .transform((text) => Math.round(Number(text) * 100))
    .pipe(rule);
}

/** An optional text field: empty means "not given". */
export function optionalText<T extends z.ZodType<unknown, string | undefined>>(rule: T) {
  return z
    .string()
    .trim()
    .transform((text) => text || undefined)
    .pipe(rule);
}
