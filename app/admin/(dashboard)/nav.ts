/** The dashboard's sections, in the order the navigation shows them; each is shown to the roles it allows. */
import type { AdminRole } from "@/lib/contracts/admin";

export interface AdminSection {
  label: string;
  /** null: not built yet (shown, greyed out). */
  href: string | null;
  /** The least role that may open it. */
  role: AdminRole;
}

export const ADMIN_SECTIONS: AdminSection[] = [
  { label: "Overview", href: "/admin", role: "staff" },
  { label: "Awards", href: "/admin/awards", role: "admin" },
  { label: "Review queue", href: "/admin/review", role: "staff" },
  { label: "Kiosks", href: "/admin/kiosks", role: "staff" },
  { label: "Players", href: "/admin/players", role: "admin" },
  { label: "Player scenarios", href: "/admin/scenarios", role: "admin" },
  { label: "Fulfilment", href: "/admin/fulfilment", role: "admin" },
  { label: "Challenge settings", href: "/admin/settings", role: "admin" },
  { label: "Exports", href: "/admin/exports", role: "admin" },
  { label: "Audit log", href: "/admin/audit", role: "admin" },
  { label: "Accounts", href: "/admin/accounts", role: "admin" },
];
