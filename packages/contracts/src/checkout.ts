import { z } from "zod";

/** Countries we deliver to (ISO 3166-1 alpha-2); the form offers these. */
export const DELIVERY_COUNTRIES = { GB: "United Kingdom", IE: "Ireland", FR: "France", DE: "Germany", NL: "Netherlands", ES: "Spain" } as const;
export type DeliveryCountry = keyof typeof DELIVERY_COUNTRIES;

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} is required.` })
    .trim()
    .min(1, `${field} is required.`)
    .max(max, `${field} must be at most ${max} characters.`);

/** Digits with an optional leading +, spaces, dashes, dots and brackets: 7 to 15 digits (E.164's range). */
const phone = z
  .string({ error: "Phone is required." })
  .trim()
  .regex(/^\+?[\d\s().-]+$/, "Phone may contain only digits, spaces, dashes, brackets and a leading +.")
  .refine((value) => {
    const digits = value.replace(/\D/g, "").length;
    return digits >= 7 && digits <= 15;
  }, "Phone must have 7 to 15 digits.");

/** Postcode shapes per country; others: letters, digits, spaces and dashes, 3 to 10 characters. */
const POSTCODE: Partial<Record<DeliveryCountry, RegExp>> = {
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  IE: /^[A-Z\d]{3} ?[A-Z\d]{4}$/i,
  FR: /^\d{5}$/,
  DE: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  ES: /^\d{5}$/,
};

export const customerContactSchema = z.object({
  name: text("Name", 120),
  email: z
    .string({ error: "Email is required." })
    .trim()
    .toLowerCase()
    .max(254, "Email must be at most 254 characters.")
    .email("Email must be a valid address."),
  phone,
});

export const deliveryAddressSchema = z
  .object({
    line1: text("Address line 1", 200),
    line2: z.string().trim().max(200, "Address line 2 must be at most 200 characters.").optional(),
    city: text("Town or city", 100),
    postcode: text("Postcode", 12).transform((p) => p.toUpperCase()),
    country: z.enum(Object.keys(DELIVERY_COUNTRIES) as [DeliveryCountry, ...DeliveryCountry[]], {
      error: `Country must be one of ${Object.keys(DELIVERY_COUNTRIES).join(", ")}.`,
    }),
  })
  .superRefine((address, ctx) => {
    const shape = POSTCODE[address.country];
    if (shape && !shape.test(address.postcode)) {
      ctx.addIssue({ code: "custom", path: ["postcode"], message: `That is not a ${DELIVERY_COUNTRIES[address.country]} postcode.` });
    }
  });

/**
 * How the order reaches the customer: delivered to an address, or collected. A cart with several
 * producers' goods becomes one order per producer, so collection names one location per producer
 * (each must be one of that producer's collection points).
 */
export const fulfilmentSchema = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("DELIVERY"), address: deliveryAddressSchema }),
    z.object({
      method: z.literal("COLLECTION"),
      locationIds: z.array(z.string().uuid("Location id must be a UUID.")).min(1, "Choose where to collect your order.").max(50),
    }),
  ],
  { error: "Fulfilment method must be DELIVERY or COLLECTION." },
);

export type CustomerContact = z.infer<typeof customerContactSchema>;
export type Fulfilment = z.infer<typeof fulfilmentSchema>;

/** Public: the collection points of the producers whose products are in a cart. */
export const collectionPointsInput = z.object({ productIds: z.array(z.string().uuid("Product id must be a UUID.")).min(1).max(100) });
