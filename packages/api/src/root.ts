import { authRouter } from "./routers/auth.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { producersRouter, productsRouter } from "./routers/products.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  products: productsRouter,
  producers: producersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
