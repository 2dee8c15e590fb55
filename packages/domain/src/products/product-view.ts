import type { Prisma } from "@stockroom/db";

/** The sizes every uploaded image is stored in (WebP, this many pixels wide at most). */
export const IMAGE_SIZES = { thumb: 160, medium: 480, large: 1200 } as const;
export type ImageSize = keyof typeof IMAGE_SIZES;

/** Where the server serves one size of a stored image. */
export function imageUrl(key: string, size: ImageSize): string {
  return `/images/${key}/${size}.webp`;
}

export const productWithImages = { images: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] } } satisfies Prisma.ProductInclude;
type ProductRow = Prisma.ProductGetPayload<{ include: typeof productWithImages }>;

export function imageView(image: { id: string; key: string; width: number; height: number; altText: string | null }) {
  return {
    id: image.id,
    width: image.width,
    height: image.height,
    altText: image.altText,
    thumbUrl: imageUrl(image.key, "thumb"),
    mediumUrl: imageUrl(image.key, "medium"),
    largeUrl: imageUrl(image.key, "large"),
  };
}

/** What staff see of a product: its fields and its images in order. */
export function productView(product: ProductRow) {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    slug: product.slug,
    category: product.category,
    description: product.description,
    priceCents: product.priceCents,
    unitCostCents: product.unitCostCents,
    minStockLevel: product.minStockLevel,
    trackInventory: product.trackInventory,
    leadTimeDays: product.leadTimeDays,
    barcode: product.barcode,
    maxPerCart: product.maxPerCart,
    requiresExpiryDate: product.requiresExpiryDate,
    minShelfLifeDays: product.minShelfLifeDays,
    archivedAt: product.archivedAt?.toISOString() ?? null,
    producerId: product.producerId,
    images: product.images.map(imageView),
  };
}

/** What staff see of a location. */
export function locationView(location: {
  id: string;
  producerId: string;
  name: string;
  isSellable: boolean;
  isQuarantine: boolean;
  isCollectionPoint: boolean;
  archivedAt: Date | null;
}) {
  const { id, producerId, name, isSellable, isQuarantine, isCollectionPoint, archivedAt } = location;
  return { id, producerId, name, isSellable, isQuarantine, isCollectionPoint, archivedAt: archivedAt?.toISOString() ?? null };
}
