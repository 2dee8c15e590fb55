import { errorMessage } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import type { StockLocation } from "../lib/api-types.ts";
import { useAppContext } from "../lib/use-app-context.ts";

/** "Customers can collect here": checkout offers the location as a collection point (the change is audited). */
export function CollectionPointToggle({ location, canEdit }: { location: StockLocation; canEdit: boolean }) {
  const { trpc, queryClient } = useAppContext();
  const update = useMutation(trpc.locations.update.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.locations.pathFilter()) }));
  if (location.isQuarantine) return <span className="muted">Never (quarantine)</span>;
  if (!canEdit || location.archivedAt) return <>{location.isCollectionPoint ? "Yes" : "No"}</>;
  return (
    <span className="collection-toggle">
      <label className="checkbox-inline">
        <input
          type="checkbox"
          checked={update.isPending ? Boolean(update.variables?.isCollectionPoint) : location.isCollectionPoint}
          disabled={update.isPending}
          onChange={(event) => update.mutate({ locationId: location.id, isCollectionPoint: event.target.checked })}
        />
        <span>
          Customers can collect here<span className="visually-hidden"> ({location.name})</span>
        </span>
      </label>
      {update.error ? (
        <span className="field-error" role="alert">
          {errorMessage(update.error)}
        </span>
      ) : null}
    </span>
  );
}
