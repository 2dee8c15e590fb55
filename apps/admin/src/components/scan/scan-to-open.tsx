import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { scopedProducerId } from "../../lib/producer-scope.ts";
import { findProductByBarcode } from "../../lib/scan/find-by-barcode.ts";
import type { Staff } from "../../lib/staff.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { ScannerDialog } from "./scanner-dialog.tsx";

/** A Scan button: the scanned product's stock page opens. */
export function ScanToOpen({ me, producerId }: { me: Staff; producerId: string | undefined }) {
  const { trpc, queryClient } = useAppContext();
  const navigate = useNavigate();
  const [isScanning, setScanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const onCode = async (code: string) => {
    setScanning(false);
    const productId = await findProductByBarcode(queryClient, trpc, code, scopedProducerId(me, producerId));
    if (!productId) return setMessage(`No product has the barcode ${code}.`);
    await navigate({ to: "/inventory/$productId", params: { productId }, search: (prev) => ({ producerId: prev.producerId }) });
  };
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setScanning(true)}>
        Scan
      </button>
      {message ? <p role="status">{message}</p> : null}
      {isScanning ? <ScannerDialog title="Scan to open a product" onCode={(code) => void onCode(code)} onClose={() => setScanning(false)} /> : null}
    </>
  );
}
