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
  { label: "Awards", href: null, role: "admin" },
  { label: "Review queue", href: null, role: "staff" },
  { label: "Kiosks", href: "/admin/kiosks", role: "staff" },
  { label: "Players", href: null, role: "admin" },
  { label: "Fulfilment", href: null, role: "admin" },
  { label: "Challenge settings", href: "/admin/settings", role: "admin" },
  { label: "Exports", href: null, role: "admin" },
  { label: "Audit log", href: null, role: "admin" },
  { label: "Accounts", href: "/admin/accounts", role: "admin" },
];
