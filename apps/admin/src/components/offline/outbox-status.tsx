import { useState } from "react";
import { formatDateTime } from "../../lib/format.ts";
import { dismiss } from "../../lib/offline/outbox.ts";
import { useOutboxItems, useOutboxSync } from "../../lib/offline/use-outbox.ts";

/**
 * The device's outbox under the header: "Waiting to sync (N)" while counts or adjusts entered offline
 * wait, and each one the server refused, with its reason, until dismissed. Also keeps the sync going.
 */
export function OutboxStatus() {
  const sync = useOutboxSync();
  const items = useOutboxItems();
  const [isOpen, setOpen] = useState(false);
  const waiting = items.filter((item) => item.status === "waiting");
  const failed = items.filter((item) => item.status === "failed");
  if (items.length === 0) return null;
  return (
    <section className="outbox" aria-label="Offline changes">
      {waiting.length > 0 ? (
        <div className="outbox-waiting">
          <button type="button" className="outbox-toggle" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
            Waiting to sync ({waiting.length})
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => void sync()}>
            Sync now
          </button>
          {isOpen ? (
            <ul className="outbox-list" aria-label="Waiting to sync">
              {waiting.map((item) => (
                <li key={item.id}>
                  <span>{item.label}</span>
                  <span className="muted small">{formatDateTime(item.createdAt)}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {failed.length > 0 ? (
        <ul className="outbox-list outbox-failed" aria-label="Failed to sync">
          {failed.map((item) => (
            <li key={item.id}>
              <span role="alert">
                <strong>Not applied:</strong> {item.label} — {item.error}
              </span>
              <button type="button" className="button button-secondary button-small" onClick={() => void dismiss(item.id as number)}>
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
