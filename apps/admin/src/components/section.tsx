import { type ReactNode, useId } from "react";

/** A titled panel of a page; the heading names the region for screen readers. */
export function Section({
  title,
  description,
  actions,
  children,
  className,
  isBusy,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** New data for it is on its way: shown dimmed, and announced as busy. */
  isBusy?: boolean;
}) {
  const id = useId();
  return (
    <section className={className ? `panel ${className}` : "panel"} aria-labelledby={id} aria-busy={isBusy || undefined}>
      <div className="panel-heading">
        <div>
          <h2 id={id}>{title}</h2>
          {description ? <p className="muted small">{description}</p> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
