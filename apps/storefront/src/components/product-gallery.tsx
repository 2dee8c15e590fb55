import { type CSSProperties, useState } from "react";
import { initials, tileHue } from "./product-card.tsx";

interface GalleryImage {
  id: string;
  width: number;
  height: number;
  altText: string | null;
  thumbUrl: string;
  mediumUrl: string;
  largeUrl: string;
}

/** The product's pictures: one large, thumbnails to switch; a soft tile with its initials when it has none. */
export function ProductGallery({ name, category, images }: { name: string; category: string; images: GalleryImage[] }) {
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const selected = images.find((image) => image.id === selectedId) ?? images[0];
  if (!selected)
    return (
      <div className="product-gallery">
        <div
          className="product-tile product-gallery-placeholder"
          style={{ "--tile-hue": tileHue(category) } as CSSProperties}
          role="img"
          aria-label={`No picture of ${name} yet`}
        >
          {initials(name)}
        </div>
      </div>
    );
  return (
    <div className="product-gallery">
      <img
        className="product-gallery-main"
        src={selected.largeUrl}
        srcSet={`${selected.mediumUrl} 480w, ${selected.largeUrl} 1200w`}
        sizes="(max-width: 640px) 100vw, 560px"
        width={selected.width}
        height={selected.height}
        alt={selected.altText ?? name}
      />
      {images.length > 1 ? (
        <ul className="product-thumbs" aria-label="More pictures">
          {images.map((image, index) => (
            <li key={image.id}>
              <button type="button" className="product-thumb" aria-pressed={image.id === selected.id} onClick={() => setSelectedId(image.id)}>
                <img src={image.thumbUrl} width={64} height={64} alt={`${name}, view ${index + 1}`} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
