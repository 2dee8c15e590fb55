import type { ReactNode } from "react";

/** The centred card of the signed-out pages (sign in, forgotten password, reset, accepting an invitation). */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="sign-in-page">
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <span>Stockroom Admin</span>
        </div>
        <h1>{title}</h1>
        {intro ? <p className="muted">{intro}</p> : null}
        {children}
      </div>
    </main>
  );
}
