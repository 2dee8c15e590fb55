import { z } from "zod";
import { MAX_PAGE } from "./common.ts";

const email = z.string().trim().toLowerCase().email("Enter a valid email address.").max(320);

/** Customer sign-in by emailed link: always the same answer, whether or not the email has orders. */
export const requestCustomerSignInInput = z.object({ email });

/** The token from an emailed link (sign-in or order lookup). */
export const completeCustomerSignInInput = z.object({
  token: z.string().trim().min(20, "This link is not complete: open it from the email again.").max(200, "This link is not valid."),
});

/** A guest's order lookup: the reference printed on the order (GL-1001) and the email it was placed with. */
export const requestOrderLookupInput = z.object({
  reference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{1,12}-\d{1,9}$/, "Enter the order reference as shown on your order, e.g. GL-1001."),
  email,
});

export const CUSTOMER_ORDERS_PAGE_SIZE = 20;

export const customerOrdersInput = z.object({
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
});
