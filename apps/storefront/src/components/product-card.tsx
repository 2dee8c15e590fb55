import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import type { CSSProperties } from "react";
import type { CatalogItem } from "../lib/catalog-item.ts";
import { AddToCart } from "./add-to-cart.tsx";
import { AvailabilityBadge } from "./availability-badge.tsx";

const TILE_HUES = [152, 200, 28, 265, 340, 95, 180, 45];

/** A stable soft colour per category, so the grid reads at a glance without product photos. */
export function tileHue(category: string): number {
  let hash = 0;
  for (const char of category) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return TILE_HUES[hash % TILE_HUES.length] ?? 152;
}

/** "Vitamin C 1000mg x60" -> "VC": letters of the first two plain words (sizes and counts skipped). */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^[A-Za-z][A-Za-z'-]*$/.test(word))
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

export function ProductCard({ product }: { product: CatalogItem }) {
  return (
    <article className="product-card" aria-labelledby={`product-${product.id}`}>
      <Link to="/products/$slug" params={{ slug: product.slug }} className="product-image-link" tabIndex={-1} aria-hidden="true">
        {product.image ? (
          // width/height give the box its shape before the file arrives (no layout shift); CSS crops it to the tile.
          <img
            className="product-image"
            src={product.image.mediumUrl}
            width={product.image.width}
            height={product.image.height}
            alt={product.image.altText ?? product.name}
            loading="lazy"
            decoding="async"
          />
        ) : (
          <div className="product-tile" style={{ "--tile-hue": tileHue(product.category) } as CSSProperties} aria-hidden="true">
            {initials(product.name)}
          </div>
        )}
      </Link>
      <div className="product-body">
        <span className="product-category">{product.category}</span>
        <h2 id={`product-${product.id}`} className="product-title">
          <Link to="/products/$slug" params={{ slug: product.slug }} className="product-link">
            {product.name}
          </Link>
        </h2>
        <p className="product-producer">{product.producerName}</p>
        <div className="product-buy">
          <p className="product-price">{formatMoney(product.priceCents)}</p>
          <AvailabilityBadge available={product.available} />
        </div>
        <AddToCart item={{ ...product, thumbUrl: product.image?.thumbUrl ?? null }} />
      </div>
    </article>
  );
}
