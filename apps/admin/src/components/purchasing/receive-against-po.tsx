import { isoDay } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { wholeNumberText } from "../../lib/form-text.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";
import { usePurchaseOrderRefresh } from "./purchase-order-actions.tsx";

type PurchaseOrder = ApiOutputs["purchaseOrders"]["get"];

const schema = z.object({
  lineId: z.string().uuid("Choose a line."),
  locationId: z.string().uuid("Choose a location."),
  lotNumber: z.string().trim().min(1, "Enter a lot number.").max(64),
  expiryDate: z.union([z.literal(""), isoDay]),
  quantity: wholeNumberText(z.number().int().min(1, "Quantity must be at least 1.").max(1_000_000)),
});

/** Receive a delivery against the order: one lot (number, expiry) per submit, at most what is outstanding. */
export function ReceiveAgainstPo({ order }: { order: PurchaseOrder }) {
  const { trpc } = useAppContext();
  const refresh = usePurchaseOrderRefresh();
  const locations = useQuery(trpc.locations.list.queryOptions({ producerId: order.producerId }));
  const open = order.lines.filter((l) => l.outstanding > 0);
  const [done, setDone] = useState<string | null>(null);
  const receive = useMutation(trpc.purchaseOrders.receive.mutationOptions());
  const usable = (locations.data ?? []).filter((l) => !l.archivedAt && !l.isQuarantine);
  const { form, message } = useApiForm({
    schema,
    serverError: receive.error,
    defaultValues: { lineId: open[0]?.id ?? "", locationId: "", lotNumber: "", expiryDate: "", quantity: String(open[0]?.outstanding ?? "") },
  });
  const submit = form.handleSubmit((values) =>
    receive.mutate(
      { ...values, purchaseOrderId: order.id, expiryDate: values.expiryDate || null },
      {
        onSuccess: async (result) => {
          setDone(`Received lot ${values.lotNumber}. ${result.status === "RECEIVED" ? "The order is complete." : ""}`);
          form.reset({ ...values, lotNumber: "", quantity: "" });
          await refresh();
        },
      },
    ),
  );
  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Receive against this order">
      <FormAlert message={message} />
      <div className="form-grid">
        <FormField form={form} name="lineId" label="Product">
          {(props) => (
            <select {...props}>
              {open.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.productName}: {l.outstanding} outstanding
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="locationId" label="Into location">
          {(props) => (
            <select {...props}>
              <option value="">Choose…</option>
              {usable.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField form={form} name="lotNumber" label="Lot number">
          {(props) => <input {...props} autoComplete="off" />}
        </FormField>
        <FormField form={form} name="expiryDate" label="Expiry date">
          {(props) => <input {...props} type="date" />}
        </FormField>
        <FormField form={form} name="quantity" label="Quantity">
          {(props) => <input {...props} inputMode="numeric" />}
        </FormField>
      </div>
      <FormActions label="Receive" pendingLabel="Receiving…" isPending={receive.isPending} done={done} />
    </form>
  );
}
