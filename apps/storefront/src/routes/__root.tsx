import { createRootRouteWithContext, HeadContent, Link, Outlet } from "@tanstack/react-router";
import { ShopNav } from "../components/shop-nav.tsx";
import type { RouterContext } from "../lib/router-context.ts";

export const Route = createRootRouteWithContext<RouterContext>()({
  component: ShopLayout,
});

function ShopLayout() {
  return (
    <>
      <HeadContent />
      <header className="shop-header">
        <div className="shop-header-inner">
          <Link to="/" className="shop-brand">
            <span className="brand-mark" aria-hidden="true">
              S
            </span>
            Stockroom
          </Link>
          <p className="shop-tagline">Pharmacy and farm goods from independent producers</p>
          <ShopNav />
        </div>
      </header>
      <main className="shop-main">
        <Outlet />
      </main>
      <footer className="shop-footer">
        <p>© Stockroom</p>
      </footer>
    </>
  );
}
