import { alertsRouter } from "./routers/alerts.ts";
import { authRouter } from "./routers/auth.ts";
import { cartRouter } from "./routers/cart.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { importsRouter } from "./routers/imports.ts";
import { ordersRouter } from "./routers/orders.ts";
import { locationsRouter, producersRouter, productsRouter } from "./routers/products.ts";
import { reportsRouter } from "./routers/reports.ts";
import { stockRouter } from "./routers/stock.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  products: productsRouter,
  producers: producersRouter,
  locations: locationsRouter,
  stock: stockRouter,
  cart: cartRouter,
  orders: ordersRouter,
  alerts: alertsRouter,
  reports: reportsRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
