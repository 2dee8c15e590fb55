import { DELIVERY_COUNTRIES } from "@stockroom/contracts";
import { FormField, fieldMessage } from "@stockroom/ui";
import { useQuery } from "@tanstack/react-query";
import type { UseFormReturn } from "react-hook-form";
import { useAppContext } from "../lib/use-app-context.ts";

export interface CheckoutDetailsValues {
  customer: { name: string; email: string; phone: string };
  fulfilment: {
    method: "DELIVERY" | "COLLECTION";
    address: { line1: string; line2: string; city: string; postcode: string; country: string };
    locationIds: string[];
  };
}

export const EMPTY_CHECKOUT_DETAILS: CheckoutDetailsValues = {
  customer: { name: "", email: "", phone: "" },
  fulfilment: { method: "DELIVERY", address: { line1: "", line2: "", city: "", postcode: "", country: "GB" }, locationIds: [] },
};

// biome-ignore lint/suspicious/noExplicitAny: the parsed output is the checkout's; the fields only register.
type DetailsForm = UseFormReturn<CheckoutDetailsValues, any, any>;

/** Who the customer is and how the order reaches them: contact, then delivery address or collection point. */
export function CheckoutDetails({ form, productIds }: { form: DetailsForm; productIds: string[] }) {
  const method = form.watch("fulfilment.method");
  return (
    <>
      <fieldset className="checkout-section">
        <legend>Your details</legend>
        <FormField form={form} name="customer.name" label="Full name">
          {(props) => <input {...props} autoComplete="name" />}
        </FormField>
        <div className="field-row">
          <FormField form={form} name="customer.email" label="Email" hint="For your order confirmation and updates.">
            {(props) => <input {...props} type="email" autoComplete="email" />}
          </FormField>
          <FormField form={form} name="customer.phone" label="Phone" hint="In case we need to reach you about the order.">
            {(props) => <input {...props} type="tel" autoComplete="tel" />}
          </FormField>
        </div>
      </fieldset>
      <fieldset className="checkout-section">
        <legend>Delivery or collection</legend>
        <div className="choice-row" role="radiogroup" aria-label="Delivery or collection">
          <label className="choice">
            <input type="radio" value="DELIVERY" {...form.register("fulfilment.method")} />
            <span>Deliver to my address</span>
          </label>
          <label className="choice">
            <input type="radio" value="COLLECTION" {...form.register("fulfilment.method")} />
            <span>Collect from the shop</span>
          </label>
        </div>
        {method === "COLLECTION" ? <CollectionPoints form={form} productIds={productIds} /> : <DeliveryAddress form={form} />}
      </fieldset>
    </>
  );
}

function DeliveryAddress({ form }: { form: DetailsForm }) {
  return (
    <>
      <FormField form={form} name="fulfilment.address.line1" label="Address line 1">
        {(props) => <input {...props} autoComplete="address-line1" />}
      </FormField>
      <FormField form={form} name="fulfilment.address.line2" label="Address line 2 (optional)">
        {(props) => <input {...props} autoComplete="address-line2" />}
      </FormField>
      <div className="field-row">
        <FormField form={form} name="fulfilment.address.city" label="Town or city">
          {(props) => <input {...props} autoComplete="address-level2" />}
        </FormField>
        <FormField form={form} name="fulfilment.address.postcode" label="Postcode">
          {(props) => <input {...props} autoComplete="postal-code" />}
        </FormField>
      </div>
      <FormField form={form} name="fulfilment.address.country" label="Country">
        {(props) => (
          <select {...props} autoComplete="country">
            {Object.entries(DELIVERY_COUNTRIES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}

/** One collection point per producer in the cart (each producer's goods are collected from its own shop). */
function CollectionPoints({ form, productIds }: { form: DetailsForm; productIds: string[] }) {
  const { trpc } = useAppContext();
  const points = useQuery(trpc.orders.collectionPoints.queryOptions({ productIds }, { enabled: productIds.length > 0 }));
  const error = fieldMessage(form.formState.errors, "fulfilment.locationIds");
  if (points.isPending) return <p className="muted small">Finding collection points…</p>;
  if (points.isError) return <p className="form-error">Collection points could not be loaded. Please try again.</p>;
  return (
    <>
      {points.data.map((producer, index) =>
        producer.locations.length === 0 ? (
          <p key={producer.producerId} className="form-error" role="alert">
            {producer.producerName} does not offer collection. Choose delivery, or remove their items.
          </p>
        ) : (
          <FormField key={producer.producerId} form={form} name={`fulfilment.locationIds.${index}`} label={`Collect ${producer.producerName}'s items from`}>
            {(props) => (
              <select {...props}>
                {producer.locations.map((location) => (
                  <option key={location.id} value={location.id}>
                    {location.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ),
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
