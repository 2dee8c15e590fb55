/** The form's own message: the server's words when it refused, or a nudge to the highlighted fields. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert">
      {message}
    </div>
  );
}

interface FormActionsProps {
  label: string;
  pendingLabel: string;
  isPending: boolean;
  /** What the last save did, announced politely. */
  done: string | null;
  isDanger?: boolean;
}

/** The submit button (disabled while sending) and the result of the last save. */
export function FormActions({ label, pendingLabel, isPending, done, isDanger = false }: FormActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className={isDanger ? "button button-danger" : "button"} disabled={isPending}>
        {isPending ? pendingLabel : label}
      </button>
      <p className="form-success" role="status" aria-live="polite">
        {done}
      </p>
    </div>
  );
}
