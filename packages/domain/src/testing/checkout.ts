/** A valid checkout (contact + delivery) for tests that place orders and are not about checkout. */
export const TEST_CHECKOUT = {
  customer: { name: "Wes Tester", email: "wes@example.test", phone: "+44 7700 900123" },
  fulfilment: { method: "DELIVERY", address: { line1: "1 Test Street", city: "Bristol", postcode: "BS1 4DJ", country: "GB" } },
} as const;
