import { roleAllows } from "@/lib/contracts/admin";
import { requireAdminPage } from "@/server/admin/page-guard";
import { ADMIN_SECTIONS } from "./nav";

/** /admin: the dashboard's start page (a shell until the sections are built). */
export default async function AdminHome() {
  const { admin } = await requireAdminPage("staff");
  return (
    <section>
      <h1>Dashboard</h1>
      <p className="muted">
        Signed in as {admin.email} ({admin.role}).
      </p>
      <ul className="admin-sections">
        {ADMIN_SECTIONS.filter((s) => s.href !== "/admin" && roleAllows(admin.role, s.role)).map((s) => (
          <li key={s.label}>
            <strong>{s.label}</strong>
            <p className="muted">{s.href ? "Open it from the menu." : "Coming soon."}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
