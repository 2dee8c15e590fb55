import { createFileRoute, Link } from "@tanstack/react-router";
import { SETTINGS_NAV } from "../../lib/nav.ts";
import { useCan } from "../../lib/permissions.tsx";

export const Route = createFileRoute("/_authed/settings")({
  head: () => ({ meta: [{ title: "Settings · Stockroom Admin" }] }),
  component: SettingsPage,
});

/** The pages a producer sets up once and visits now and then, each with what it is for. */
function SettingsPage() {
  const can = useCan();
  const items = SETTINGS_NAV.filter((item) => !item.permission || can(item.permission));
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Settings</h1>
        <p className="muted">Where stock is kept, who works here, who is alerted, and the record of who did what.</p>
      </div>
      {items.length === 0 ? (
        <p className="muted">Your role has no settings to change. Your own password and sessions are under your name, top right.</p>
      ) : (
        <ul className="settings-list">
          {items.map((item) => (
            <li key={item.to}>
              <Link to={item.to} className="settings-card">
                <span className="settings-card-title">{item.label}</span>
                <span className="muted small">{item.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
