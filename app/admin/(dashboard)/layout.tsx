import Link from "next/link";
import type { ReactNode } from "react";
import { roleAllows } from "@/lib/contracts/admin";
import { requireAdminPage } from "@/server/admin/page-guard";
import { LogoutButton } from "./LogoutButton";
import { ADMIN_SECTIONS } from "./nav";

/**
 * The signed-in dashboard's shell: navigation and who is signed in. Anyone without an admin
 * session is sent to /admin/login before anything renders. Each page checks again with the role it
 * needs (server/admin/page-guard.ts), as a layout is not re-run on every navigation.
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { admin } = await requireAdminPage("staff");
  return (
    <div className="admin-shell">
      <nav className="admin-nav" aria-label="Admin">
        {ADMIN_SECTIONS.filter((s) => roleAllows(admin.role, s.role)).map((s) =>
          s.href ? (
            <Link key={s.label} href={s.href}>
              {s.label}
            </Link>
          ) : (
            <span key={s.label} aria-disabled="true" title="Not built yet">
              {s.label}
            </span>
          ),
        )}
        <div className="admin-who">
          <span data-testid="admin-email">{admin.email}</span>
          <span className="muted">{admin.role}</span>
          <LogoutButton />
        </div>
      </nav>
      <div>{children}</div>
    </div>
  );
}
