import { MAX_RETURN_REASON_LENGTH, RETURN_DISPOSITIONS, type ReturnDisposition, returnOrderInput } from "@stockroom/contracts";
import { Field, FormField } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { z } from "zod";
import type { Order } from "../lib/api-types.ts";
import { formatCount, formatDateTime } from "../lib/format.ts";
import { newIdempotencyKey } from "../lib/idempotency.ts";
import { useCan } from "../lib/permissions.tsx";
import { useApiForm } from "../lib/use-api-form.ts";
import { useAppContext } from "../lib/use-app-context.ts";
import { useStockInvalidation } from "../lib/use-stock-invalidation.ts";
import { Badge } from "./badges.tsx";
import { FormActions, FormAlert } from "./form-parts.tsx";
import { Section } from "./section.tsx";

const DISPOSITION_LABELS: Record<ReturnDisposition, string> = { RESTOCK: "Restock", WRITE_OFF: "Write off" };

/** One row per (order line, lot): what was delivered from that lot and what can still come back. */
function returnRows(order: Order) {
  const returned = new Map<string, number>();
  for (const r of order.returns)
    for (const l of r.lines) returned.set(`${l.orderLineId}:${l.lotId}`, (returned.get(`${l.orderLineId}:${l.lotId}`) ?? 0) + l.quantity);
  return order.lines.flatMap((line) =>
    line.lots.map((lot) => ({
      orderLineId: line.id,
      lotId: lot.lotId,
      label: `${line.name} · lot ${lot.lotNumber}`,
      returnable: lot.quantity - (returned.get(`${line.id}:${lot.lotId}`) ?? 0),
    })),
  );
}
type ReturnRow = ReturnType<typeof returnRows>[number];

function returnSchema(rows: ReturnRow[]) {
  const row = z.object({
    quantity: z
      .string()
      .trim()
      .regex(/^\d*$/, "Enter a whole number.")
      .transform((text) => (text === "" ? 0 : Number(text))),
    disposition: z.enum(RETURN_DISPOSITIONS),
  });
  return z.object({
    reason: returnOrderInput.shape.reason,
    rows: z.array(row).superRefine((values, context) => {
      values.forEach((value, i) => {
        const most = rows[i]?.returnable ?? 0;
        if (value.quantity > most) context.addIssue({ code: "custom", path: [i, "quantity"], message: `At most ${formatCount(most)}.` });
      });
      if (values.every((value) => value.quantity === 0)) context.addIssue({ code: "custom", path: [0, "quantity"], message: "Enter how many come back." });
    }),
  });
}

/** The order page's returns: the "Return items" action for a delivered order, and the returns so far. */
export function OrderReturns({ order }: { order: Order }) {
  const can = useCan();
  const [isOpen, setOpen] = useState(false);
  const rows = returnRows(order);
  const canReturn = order.status === "DELIVERED" && can("orders.return") && rows.some((r) => r.returnable > 0);
  return (
    <>
      {canReturn ? (
        <Section
          title="Take back delivered items"
          description="Take back delivered units: restock them into their lot, or write them off."
          actions={
            isOpen ? null : (
              <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
                Return items
              </button>
            )
          }
        >
          {isOpen ? <ReturnItemsForm orderId={order.id} rows={rows} onDone={() => setOpen(false)} /> : null}
        </Section>
      ) : null}
      {order.returns.length > 0 ? <ReturnList returns={order.returns} /> : null}
    </>
  );
}

function ReturnItemsForm({ orderId, rows, onDone }: { orderId: string; rows: ReturnRow[]; onDone: () => void }) {
  const { trpc } = useAppContext();
  const can = useCan();
  const invalidate = useStockInvalidation();
  const idempotencyKey = useRef(newIdempotencyKey());
  const save = useMutation(trpc.orders.return.mutationOptions());
  const schema = useMemo(() => returnSchema(rows), [rows]);
  const defaultValues = { reason: "", rows: rows.map(() => ({ quantity: "", disposition: "RESTOCK" as const })) };
  const { form, message } = useApiForm({ schema, defaultValues, serverError: save.error });
  const dispositions = RETURN_DISPOSITIONS.filter((d) => d !== "WRITE_OFF" || can("stock.writeOff"));

  const submit = form.handleSubmit((values) => {
    const lines = values.rows.flatMap((value, i) => {
      const row = rows[i];
      return row && value.quantity > 0 ? [{ orderLineId: row.orderLineId, lotId: row.lotId, quantity: value.quantity, disposition: value.disposition }] : [];
    });
    save.mutate(
      { orderId, reason: values.reason, lines, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: async () => {
          idempotencyKey.current = newIdempotencyKey();
          await invalidate();
          onDone();
        },
      },
    );
  });

  return (
    <form className="stock-form return-form" onSubmit={submit} noValidate aria-label="Return items">
      <FormAlert message={message} />
      {rows.map((row, i) => (
        <fieldset key={`${row.orderLineId}:${row.lotId}`} className="return-row" disabled={row.returnable === 0}>
          <legend>{row.label}</legend>
          <div className="form-grid">
            <Field label="Quantity" hint={`Up to ${formatCount(row.returnable)}.`} error={form.formState.errors.rows?.[i]?.quantity?.message}>
              {(props) => <input {...props} {...form.register(`rows.${i}.quantity`)} inputMode="numeric" autoComplete="off" />}
            </Field>
            <Field label="Disposition">
              {(props) => (
                <select {...props} {...form.register(`rows.${i}.disposition`)}>
                  {dispositions.map((d) => (
                    <option key={d} value={d}>
                      {DISPOSITION_LABELS[d]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      ))}
      <FormField form={form} name="reason" label="Reason (shown to staff)" className="field-wide">
        {(props) => <input {...props} maxLength={MAX_RETURN_REASON_LENGTH} />}
      </FormField>
      <FormActions label="Record return" pendingLabel="Saving…" isPending={save.isPending} done={null} />
    </form>
  );
}

function ReturnList({ returns }: { returns: Order["returns"] }) {
  return (
    <Section title="Returns" description="Units taken back after delivery, oldest first.">
      <ul className="plain-list return-list" aria-label="Returns">
        {returns.map((r) => (
          <li key={r.id} className="return-entry">
            <p>
              <strong>{formatDateTime(r.createdAt)}</strong> · {r.by} · “{r.reason}”
            </p>
            <ul className="plain-list">
              {r.lines.map((line) => (
                <li key={`${line.orderLineId}:${line.lotId}`}>
                  {formatCount(line.quantity)} × {line.name}, lot {line.lotNumber}{" "}
                  <Badge tone={line.disposition === "RESTOCK" ? "success" : "danger"}>{line.disposition === "RESTOCK" ? "Restocked" : "Written off"}</Badge>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}
