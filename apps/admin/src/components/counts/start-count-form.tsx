import { startCountInput } from "@stockroom/contracts";
import { FormField } from "@stockroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import type { StockLocation } from "../../lib/api-types.ts";
import { moneyText, optionalText, wholeNumberText } from "../../lib/form-text.ts";
import { useApiForm } from "../../lib/use-api-form.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { FormActions, FormAlert } from "../form-parts.tsx";

const shape = startCountInput.shape;
const schema = z
  .object({
    kind: shape.kind,
    locationId: optionalText(shape.locationId),
    category: optionalText(shape.category),
    dueOnly: z.boolean(),
    blind: z.boolean(),
    recountUnits: wholeNumberText(z.number().int().min(0, "Cannot be negative.").max(1_000_000)),
    recountValue: moneyText(z.number().int().min(0).max(100_000_000)),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "CYCLE" && !v.locationId && !v.category && !v.dueOnly)
      ctx.addIssue({ code: "custom", path: ["kind"], message: "A cycle count needs a location, a category or the products due." });
  });

/** Starts a full or cycle count (a location, a category, the products due), blind or not, with its recount thresholds. */
export function StartCountForm({ producerId, locations, categories }: { producerId: string | undefined; locations: StockLocation[]; categories: string[] }) {
  const { trpc } = useAppContext();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation(trpc.counts.start.mutationOptions());
  const { form, message } = useApiForm({
    schema,
    defaultValues: { kind: "CYCLE", locationId: "", category: "", dueOnly: false, blind: false, recountUnits: "2", recountValue: "50.00" },
    serverError: start.error,
    fieldFor: { recountValueCents: "recountValue" },
  });
  const isCycle = form.watch("kind") === "CYCLE";
  const submit = form.handleSubmit(({ recountValue, ...values }) =>
    start.mutate(
      {
        ...values,
        producerId,
        recountValueCents: recountValue,
        ...(values.kind === "FULL" ? { locationId: undefined, category: undefined, dueOnly: false } : {}),
      },
      {
        onSuccess: async ({ sessionId }) => {
          await queryClient.invalidateQueries(trpc.counts.pathFilter());
          await navigate({ to: "/counts/$countId", params: { countId: sessionId }, search: (prev) => prev });
        },
      },
    ),
  );
  return (
    <form className="stock-form" onSubmit={submit} noValidate aria-label="Start a count">
      <FormAlert message={message} />
      <fieldset className="segmented count-kind">
        <legend>What to count</legend>
        <label className="check">
          <input type="radio" value="CYCLE" {...form.register("kind")} /> Cycle count (part of the stock)
        </label>
        <label className="check">
          <input type="radio" value="FULL" {...form.register("kind")} /> Full count (everything)
        </label>
      </fieldset>
      {form.formState.errors.kind ? <p className="field-error">{form.formState.errors.kind.message}</p> : null}
      <div className="form-grid">
        {isCycle ? (
          <>
            <FormField form={form} name="locationId" label="Location">
              {(props) => (
                <select {...props}>
                  <option value="">Any location</option>
                  {locations.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField form={form} name="category" label="Category">
              {(props) => (
                <select {...props}>
                  <option value="">Any category</option>
                  {categories.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </>
        ) : null}
        <FormField form={form} name="recountUnits" label="Recount when off by more than (units)">
          {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
        </FormField>
        <FormField form={form} name="recountValue" label="…or by more than (value at cost)">
          {(props) => <input {...props} inputMode="decimal" autoComplete="off" />}
        </FormField>
      </div>
      {isCycle ? (
        <label className="check">
          <input type="checkbox" {...form.register("dueOnly")} /> Only products due for a count
        </label>
      ) : null}
      <label className="check">
        <input type="checkbox" {...form.register("blind")} /> Blind count (counters do not see the expected quantities)
      </label>
      <FormActions label="Start count" pendingLabel="Starting…" isPending={start.isPending} done={null} />
    </form>
  );
}
