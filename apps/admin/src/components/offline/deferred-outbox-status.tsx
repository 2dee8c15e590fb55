import { lazy, Suspense } from "react";

const OutboxStatus = lazy(async () => ({ default: (await import("./outbox-status.tsx")).OutboxStatus }));

/**
 * The outbox panel, loaded beside the page rather than before it: it needs the device's IndexedDB
 * library (Dexie, about 30 KB gzipped), which no page needs to show itself. Counting and scanning
 * load it themselves when they queue work.
 */
export function DeferredOutboxStatus() {
  return (
    <Suspense fallback={null}>
      <OutboxStatus />
    </Suspense>
  );
}
