import { createFileRoute } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { QuickAdjust } from "../../components/scan/quick-adjust.tsx";
import { ScannerDialog } from "../../components/scan/scanner-dialog.tsx";
import type { ProductDetail } from "../../lib/api-types.ts";
import { useCan } from "../../lib/permissions.tsx";
import { scopedProducerId } from "../../lib/producer-scope.ts";
import { findProductByBarcode } from "../../lib/scan/find-by-barcode.ts";

const MODES = { open: "Open product", adjust: "Quick adjust", receive: "Receive" } as const;
type Mode = keyof typeof MODES;

export const Route = createFileRoute("/_authed/scan")({
  validateSearch: z.object({ mode: z.enum(["open", "adjust", "receive"]).optional().catch(undefined) }),
  head: () => ({ meta: [{ title: "Scan · Stockroom Admin" }] }),
  component: ScanPage,
});

/** Scan a product's barcode to open it, adjust it (+/− with a reason) or receive it. */
function ScanPage() {
  const { me, trpc, queryClient } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const can = useCan();
  const mode: Mode = search.mode ?? "open";
  const [isScanning, setScanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState<ProductDetail | null>(null);
  const allowed = (Object.keys(MODES) as Mode[]).filter((m) => m === "open" || can(m === "adjust" ? "stock.adjust" : "stock.receive"));

  const onCode = async (code: string) => {
    setScanning(false);
    setMessage(`Looking up ${code}…`);
    const productId = await findProductByBarcode(queryClient, trpc, code, scopedProducerId(me, search.producerId)).catch(() => undefined);
    if (productId === undefined) return setMessage("Could not look the code up: check the connection.");
    if (!productId) return setMessage(`No product has the barcode ${code}.`);
    setMessage(null);
    if (mode === "adjust") setAdjusting(await queryClient.fetchQuery(trpc.reports.product.queryOptions({ productId })));
    else
      await navigate({
        to: "/inventory/$productId",
        params: { productId },
        search: (prev) => ({ producerId: prev.producerId, action: mode === "receive" ? "receive" : undefined }),
      });
  };

  return (
    <div className="page count-page">
      <div className="page-heading">
        <h1>Scan</h1>
        <p className="muted">Point the camera at a product's barcode, or type the code.</p>
      </div>
      <fieldset className="segmented">
        <legend className="visually-hidden">What a scan does</legend>
        {allowed.map((m) => (
          <button
            key={m}
            type="button"
            className={m === mode ? "chip chip-active" : "chip"}
            aria-pressed={m === mode}
            onClick={() => {
              setAdjusting(null);
              void navigate({ search: (prev) => ({ ...prev, mode: m === "open" ? undefined : m }), replace: true });
            }}
          >
            {MODES[m]}
          </button>
        ))}
      </fieldset>
      <div className="count-toolbar">
        <button type="button" className="button count-scan" onClick={() => setScanning(true)}>
          Scan a barcode
        </button>
      </div>
      <p className="form-success" role="status" aria-live="polite">
        {message}
      </p>
      {isScanning ? <ScannerDialog title={MODES[mode]} onCode={(code) => void onCode(code)} onClose={() => setScanning(false)} /> : null}
      {adjusting && mode === "adjust" ? <QuickAdjust key={adjusting.product.id} detail={adjusting} onDone={setMessage} /> : null}
    </div>
  );
}
