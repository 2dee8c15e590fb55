import { Link } from "@tanstack/react-router";

export function NotFound() {
  return (
    <div className="notice-page">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist.</p>
      <Link to="/" className="button">
        Back to the dashboard
      </Link>
    </div>
  );
}
