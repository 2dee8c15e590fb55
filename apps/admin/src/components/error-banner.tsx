import { errorMessage } from "@stockroom/ui";

/** A failed action's message above the thing it concerns (nothing when there is no error). */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="banner-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}
