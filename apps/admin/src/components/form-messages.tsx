/** The form's own message: the server's words when it refused, or a nudge to the highlighted fields. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

export function FormSuccess({ message }: { message: string | null }) {
  return (
    <p className="form-success" role="status" aria-live="polite">
      {message}
    </p>
  );
}
