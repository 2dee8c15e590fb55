import { accountRouter } from "./routers/account.ts";
import { alertsRouter } from "./routers/alerts.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { cartRouter } from "./routers/cart.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { countsRouter } from "./routers/counts.ts";
import { customerRouter } from "./routers/customer.ts";
import { importsRouter } from "./routers/imports.ts";
import { integrationsRouter } from "./routers/integrations.ts";
import { ordersRouter } from "./routers/orders.ts";
import { producersRouter } from "./routers/producers.ts";
import { locationsRouter, productsRouter } from "./routers/products.ts";
import { purchaseOrdersRouter } from "./routers/purchase-orders.ts";
import { reportsRouter } from "./routers/reports.ts";
import { staffRouter } from "./routers/staff.ts";
import { stockRouter } from "./routers/stock.ts";
import { suppliersRouter } from "./routers/suppliers.ts";
import { systemRouter } from "./routers/system.ts";
import { webhooksRouter } from "./routers/webhooks.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  catalog: catalogRouter,
  products: productsRouter,
  producers: producersRouter,
  locations: locationsRouter,
  stock: stockRouter,
  counts: countsRouter,
  cart: cartRouter,
  orders: ordersRouter,
  customer: customerRouter,
  alerts: alertsRouter,
  reports: reportsRouter,
  staff: staffRouter,
  audit: auditRouter,
  imports: importsRouter,
  integrations: integrationsRouter,
  system: systemRouter,
  webhooks: webhooksRouter,
  suppliers: suppliersRouter,
  purchaseOrders: purchaseOrdersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
