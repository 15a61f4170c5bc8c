import Link from "next/link";

/** What an /admin page shows (with a 403) to a signed-in account whose role may not open it. */
export default function AdminForbidden() {
  return (
    <section>
      <h1>Not for your role</h1>
      <p className="muted">This page needs the admin role; staff accounts run kiosks and the review queue.</p>
      <Link href="/admin">Back to the dashboard</Link>
    </section>
  );
}
