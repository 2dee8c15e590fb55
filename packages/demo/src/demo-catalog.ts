/** Demo data: deterministic, so the seed is idempotent and tests can name what they expect. */
export const DEMO_PASSWORD = "stockroom-demo";

export const DEMO_PRODUCERS = [
  { slug: "greenleaf", name: "Greenleaf Pharmacy", orderPrefix: "GL", locations: ["Main dispensary", "Back store"] },
  { slug: "harvest", name: "Harvest Co-op", orderPrefix: "HV", locations: ["Warehouse", "Farm shop"] },
] as const;

export const DEMO_STAFF = [
  { email: "admin@stockroom.test", name: "Ada Admin", role: "PLATFORM_ADMIN", producer: null },
  { email: "manager@greenleaf.test", name: "Grace Green", role: "PRODUCER_ADMIN", producer: "greenleaf" },
  { email: "staff@greenleaf.test", name: "Gus Green", role: "PRODUCER_STAFF", producer: "greenleaf" },
  { email: "viewer@greenleaf.test", name: "Vera Books", role: "VIEWER", producer: "greenleaf" },
  { email: "manager@harvest.test", name: "Hal Harvest", role: "PRODUCER_ADMIN", producer: "harvest" },
] as const;

/** The demo's shoppers: who they are and where their orders go (some collect instead). */
export const DEMO_CUSTOMERS = [
  {
    email: "carla@example.test",
    name: "Carla Customer",
    phone: "+44 7700 900101",
    address: { line1: "14 Mill Lane", city: "Bristol", postcode: "BS3 1QD", country: "GB" },
  },
  {
    email: "wes@example.test",
    name: "Wes Wholesale",
    phone: "+44 117 496 0312",
    address: { line1: "Unit 4, Avon Trade Park", line2: "Feeder Road", city: "Bristol", postcode: "BS2 0SP", country: "GB" },
  },
  {
    email: "rita@example.test",
    name: "Rita Retail",
    phone: "+44 7700 900245",
    address: { line1: "3 Orchard Close", city: "Bath", postcode: "BA1 2LP", country: "GB" },
  },
  {
    email: "sam.okafor@example.test",
    name: "Sam Okafor",
    phone: "07700 900388",
    address: { line1: "Flat 2, 61 Gloucester Road", city: "Bristol", postcode: "BS7 8AD", country: "GB" },
  },
  {
    email: "aoife.byrne@example.test",
    name: "Aoife Byrne",
    phone: "+353 85 123 4567",
    address: { line1: "22 Harbour View", city: "Cork", postcode: "T12 XY34", country: "IE" },
  },
  {
    email: "tom.hughes@example.test",
    name: "Tom Hughes",
    phone: "+44 7700 900477",
    address: { line1: "The Old Forge", line2: "Church Street", city: "Wells", postcode: "BA5 2UG", country: "GB" },
  },
] as const;

/** A demo customer's checkout: delivery to their address, or (when `collectFrom` is given) collection. */
export function demoCheckout(customer: (typeof DEMO_CUSTOMERS)[number], collectFrom?: string[]) {
  return {
    customer: { name: customer.name, email: customer.email, phone: customer.phone },
    fulfilment: collectFrom ? { method: "COLLECTION" as const, locationIds: collectFrom } : { method: "DELIVERY" as const, address: customer.address },
  };
}

const PHARMACY: [string, string, number, number][] = [
  ["Pain relief", "Paracetamol 500mg x16", 299, 110],
  ["Pain relief", "Ibuprofen 200mg x24", 349, 140],
  ["Pain relief", "Aspirin 300mg x32", 259, 90],
  ["Pain relief", "Naproxen 250mg x20", 599, 260],
  ["Cold & flu", "Honey lemon lozenges x20", 229, 80],
  ["Cold & flu", "Decongestant nasal spray", 549, 210],
  ["Cold & flu", "Chesty cough syrup 150ml", 649, 250],
  ["Cold & flu", "Vapour rub 50g", 399, 150],
  ["Allergy", "Cetirizine 10mg x30", 449, 120],
  ["Allergy", "Loratadine 10mg x30", 429, 115],
  ["Allergy", "Eye drops for hay fever", 599, 230],
  ["Vitamins", "Vitamin C 1000mg x60", 799, 300],
  ["Vitamins", "Vitamin D3 25µg x90", 699, 220],
  ["Vitamins", "Multivitamin x30", 899, 350],
  ["Vitamins", "Omega-3 fish oil x60", 1099, 480],
  ["Vitamins", "Iron + C x30", 549, 190],
  ["First aid", "Plasters assorted x40", 349, 120],
  ["First aid", "Antiseptic cream 30g", 429, 160],
  ["First aid", "Sterile gauze swabs x10", 299, 95],
  ["First aid", "Crepe bandage 7.5cm", 259, 85],
  ["First aid", "Instant cold pack", 399, 140],
  ["Skin care", "Emollient cream 500g", 899, 380],
  ["Skin care", "SPF50 sun lotion 200ml", 1199, 520],
  ["Skin care", "Hydrocortisone 1% cream", 549, 200],
  ["Skin care", "Lip balm SPF15", 199, 60],
];

const FARM: [string, string, number, number][] = [
  ["Dairy", "Whole milk 2L", 189, 95],
  ["Dairy", "Greek yoghurt 500g", 279, 140],
  ["Dairy", "Mature cheddar 400g", 449, 260],
  ["Dairy", "Salted butter 250g", 259, 150],
  ["Dairy", "Free-range eggs x12", 399, 210],
  ["Bakery", "Sourdough loaf", 399, 140],
  ["Bakery", "Wholemeal rolls x6", 249, 90],
  ["Bakery", "Oat flapjack", 149, 50],
  ["Produce", "Heritage tomatoes 500g", 349, 160],
  ["Produce", "New potatoes 1kg", 199, 80],
  ["Produce", "Baby spinach 200g", 229, 100],
  ["Produce", "Apples x6", 249, 110],
  ["Produce", "Carrots 1kg", 119, 45],
  ["Pantry", "Wildflower honey 340g", 699, 330],
  ["Pantry", "Strawberry jam 370g", 399, 170],
  ["Pantry", "Rapeseed oil 500ml", 499, 230],
  ["Pantry", "Rolled oats 1kg", 249, 100],
  ["Pantry", "Apple cider vinegar", 349, 140],
  ["Meat", "Pork sausages x6", 449, 250],
  ["Meat", "Beef mince 500g", 599, 360],
  ["Meat", "Chicken thighs 1kg", 699, 420],
  ["Drinks", "Pressed apple juice 1L", 299, 120],
  ["Drinks", "Elderflower cordial", 449, 180],
  ["Drinks", "Ginger beer x4", 399, 170],
  ["Drinks", "Oat milk 1L", 199, 90],
];

export interface DemoProduct {
  producer: string;
  sku: string;
  name: string;
  category: string;
  priceCents: number;
  unitCostCents: number;
  minStockLevel: number;
  trackInventory: boolean;
  requiresExpiryDate: boolean;
  minShelfLifeDays: number | null;
  /** EAN-13 in the 20-29 range GS1 leaves for in-store codes, so it can be printed and scanned. */
  barcode: string;
}

/** "20" + producer digit + 9-digit serial, and the EAN-13 check digit. */
export function demoBarcode(producerDigit: number, serial: number): string {
  const digits = `20${producerDigit}${String(serial).padStart(9, "0")}`;
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

function products(producer: string, prefix: string, rows: [string, string, number, number][]): DemoProduct[] {
  return rows.map(([category, name, priceCents, unitCostCents], index) => ({
    producer,
    sku: `${prefix}-${String(index + 1).padStart(3, "0")}`,
    name,
    category,
    priceCents,
    unitCostCents,
    minStockLevel: 10 + (index % 4) * 5,
    // A couple of made-to-order items: unlimited stock.
    trackInventory: !(prefix === "HV" && category === "Bakery" && index % 2 === 0),
    // Medicines carry an expiry date on every lot; allergy products must have two weeks left to be sold.
    requiresExpiryDate: prefix === "GL" && category !== "First aid",
    minShelfLifeDays: category === "Allergy" ? 14 : null,
    barcode: demoBarcode(prefix === "GL" ? 1 : 2, index + 1),
  }));
}

export const DEMO_PRODUCTS: DemoProduct[] = [...products("greenleaf", "GL", PHARMACY), ...products("harvest", "HV", FARM)];
