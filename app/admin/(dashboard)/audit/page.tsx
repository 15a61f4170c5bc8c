import Link from "next/link";
import { auditQuerySchema, type AuditPage } from "@/lib/contracts/audit";
import { requireAdminPage } from "@/server/admin/page-guard";
import { readAuditLog } from "@/server/audit-log";
import { isDomainError } from "@/server/errors";
import { runtime } from "@/server/runtime";
import { ErrorNote } from "@/app/components/ErrorNote";

type Search = Record<string, string | string[] | undefined>;
const FILTERS = ["actor", "action", "from", "to"] as const;

/**
 * /admin/audit (admins): every admin action and every automatic close, newest first, filtered by
 * actor (an admin's email, or system), action (or a family: "award.") and date; older pages by cursor.
 */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireAdminPage("admin");
  const search = await searchParams;
  // Empty fields of the filter form are not filters.
  const given = Object.fromEntries(Object.entries(search).filter(([k, v]) => [...FILTERS, "cursor"].includes(k) && typeof v === "string" && v.trim() !== ""));
  const parsed = auditQuerySchema.safeParse(given);
  let page: AuditPage | null = null;
  let error: string | null = parsed.success ? null : (parsed.error.issues[0]?.message ?? "invalid filter");
  if (parsed.success) {
    try {
      page = await readAuditLog(runtime().db, parsed.data);
    } catch (err) {
      if (!isDomainError(err)) throw err;
      error = err.message;
    }
  }
  const value = (k: string) => (typeof search[k] === "string" ? (search[k] as string) : "");
  const older = page?.nextCursor ? `/admin/audit?${new URLSearchParams({ ...Object.fromEntries(FILTERS.map((k) => [k, value(k)]).filter(([, v]) => v)), cursor: page.nextCursor })}` : null;
  return (
    <section>
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit" className="admin-forms" aria-label="Filter">
        <input name="actor" aria-label="Actor" placeholder="actor: email or system" defaultValue={value("actor")} />
        <input name="action" aria-label="Action" placeholder='action, or "award." for a family' defaultValue={value("action")} />
        <input name="from" aria-label="From" type="date" defaultValue={value("from")} />
        <input name="to" aria-label="To" type="date" defaultValue={value("to")} />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <ErrorNote message={error} />
      {page && (
        <table className="admin-audit">
          <thead>
            <tr>
              <th>When</th>
              <th>Actor</th>
              <th>Action</th>
              <th>Target</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>{e.at}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.targetType ? `${e.targetType} ${e.targetId ?? ""}` : ""}</td>
                <td>
                  <code>{e.details === null ? "" : JSON.stringify(e.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page?.entries.length === 0 && <p className="muted">No entries match.</p>}
      {older && <Link href={older}>Older entries</Link>}
    </section>
  );
}
