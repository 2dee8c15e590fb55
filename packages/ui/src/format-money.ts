/** Prices are stored in minor units (pence). The platform trades in one currency for now. */
const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

export function formatMoney(cents: number): string {
  return money.format(cents / 100);
}
