/** The seeded demo data the tests name (mirrors packages/demo/src/demo-catalog.ts). */
export const DEMO_PASSWORD = "stockroom-demo";

export const LOGINS = {
  platformAdmin: { email: "admin@stockroom.test", name: "Ada Admin", role: "Platform admin" },
  greenleafManager: { email: "manager@greenleaf.test", name: "Grace Green", role: "Producer admin" },
  greenleafStaff: { email: "staff@greenleaf.test", name: "Gus Green", role: "Producer staff" },
  greenleafViewer: { email: "viewer@greenleaf.test", name: "Vera Books", role: "Viewer (read only)" },
  harvestManager: { email: "manager@harvest.test", name: "Hal Harvest", role: "Producer admin" },
} as const;

export const PRODUCERS = { greenleaf: "Greenleaf Pharmacy", harvest: "Harvest Co-op" } as const;

export const GREENLEAF_PRODUCT = { sku: "GL-001", name: "Paracetamol 500mg x16", category: "Pain relief", price: "£2.99" } as const;
export const HARVEST_PRODUCT = { sku: "HV-001", name: "Whole milk 2L", category: "Dairy", price: "£1.89" } as const;

export const PRODUCTS_PER_PRODUCER = 25;

/** The demo product with a lot in Greenleaf's back store (`GL-003-BS`), and its EAN-13 (demoBarcode(1, 3)). */
export const GREENLEAF_BACK_STORE_PRODUCT = { sku: "GL-003", barcode: "2010000000038", backStoreLot: "GL-003-BS" } as const;
