import { formatMoney } from "@stockroom/ui";
import { capMessage, type LineCap } from "../lib/cart-limit.ts";
import type { CartLine } from "../lib/cart-store.ts";
import type { ShortLine } from "../lib/short-lines.ts";
import { LOW_STOCK } from "./availability-badge.tsx";
import { QuantityInput } from "./quantity-input.tsx";

interface CartLinesProps {
  lines: CartLine[];
  /** Lines the server refused for short stock, with what is available now. */
  short: ShortLine[];
  /** The server's reason per product for a line refused on its own (e.g. "At most 100 per order for this product."). */
  lineErrors?: Record<string, string>;
  /** Units available now per product, shown while nothing is held (held units are not "available"). */
  availability?: ReadonlyMap<string, number | null>;
  /** The most each line may hold now, per product (what is available, the limit per order). */
  caps?: ReadonlyMap<string, LineCap>;
  isBusy: boolean;
  onQuantity: (productId: string, quantity: number) => Promise<boolean>;
  onRemove: (productId: string) => void;
}

export function CartLines({ lines, short, lineErrors = {}, availability, caps, isBusy, onQuantity, onRemove }: CartLinesProps) {
  return (
    <ul className="cart-lines" aria-label="Items in your cart">
      {lines.map((line) => {
        const shortLine = short.find((s) => s.productId === line.productId);
        const cap = caps?.get(line.productId);
        const isAtCap = cap !== undefined && cap.reason !== "line" && cap.max > 0 && line.quantity === cap.max;
        return (
          <li key={line.productId} className="cart-line" data-product-id={line.productId}>
            <div className="cart-line-info">
              {line.thumbUrl ? <img className="cart-line-image" src={line.thumbUrl} width={48} height={48} alt="" loading="lazy" /> : null}
              <h2 className="cart-line-name">{line.name}</h2>
              <p className="muted small">
                {line.producerName} · {formatMoney(line.priceCents)} each
              </p>
            </div>
            <QuantityInput
              productName={line.name}
              value={line.quantity}
              max={cap?.max}
              disabled={isBusy}
              onChange={(quantity) => onQuantity(line.productId, quantity)}
            />
            <p className="cart-line-total">{formatMoney(line.priceCents * line.quantity)}</p>
            <button type="button" className="link-button" aria-label={`Remove ${line.name}`} disabled={isBusy} onClick={() => onRemove(line.productId)}>
              Remove
            </button>
            {lineErrors[line.productId] ? (
              <p className="cart-line-note note-error" role="alert">
                {lineErrors[line.productId]}
              </p>
            ) : shortLine ? (
              <ShortStockNote line={line} shortLine={shortLine} isBusy={isBusy} onQuantity={onQuantity} />
            ) : isAtCap ? (
              <p className="cart-line-note note-warn">{capMessage(cap)}</p>
            ) : (
              <AvailabilityNote quantity={line.quantity} available={availability?.get(line.productId)} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ShortStockNote({
  line,
  shortLine,
  isBusy,
  onQuantity,
}: {
  line: CartLine;
  shortLine: ShortLine;
  isBusy: boolean;
  onQuantity: CartLinesProps["onQuantity"];
}) {
  const { available, requested } = shortLine;
  return (
    <p className="cart-line-note note-error">
      {available <= 0 ? `Sold out: 0 available now (you asked for ${requested}).` : `Only ${available} available now (you asked for ${requested}).`}
      {available > 0 && available !== line.quantity ? (
        <button type="button" className="link-button" disabled={isBusy} onClick={() => void onQuantity(line.productId, available)}>
          Change to {available}
        </button>
      ) : null}
    </p>
  );
}

function AvailabilityNote({ quantity, available }: { quantity: number; available: number | null | undefined }) {
  if (available === undefined || available === null) return null;
  if (available <= 0) return <p className="cart-line-note note-error">Out of stock right now.</p>;
  if (quantity > available) return <p className="cart-line-note note-error">Only {available} available: lower the quantity to check out.</p>;
  if (available <= LOW_STOCK) return <p className="cart-line-note note-warn">Only {available} left.</p>;
  return null;
}
