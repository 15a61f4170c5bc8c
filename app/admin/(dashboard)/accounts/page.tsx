import { listAdminAccounts } from "@/server/admin/accounts";
import { requireAdminPage } from "@/server/admin/page-guard";
import { runtime } from "@/server/runtime";

/** /admin/accounts (admins only): who can sign in to the dashboard. Accounts are made with `npm run admin:create`. */
export default async function AdminAccountsPage() {
  await requireAdminPage("admin");
  const accounts = await listAdminAccounts(runtime().db);
  return (
    <section>
      <h1>Accounts</h1>
      <p className="muted">
        Create or reset one with <code>npm run admin:create</code>; enrol a second factor with <code>npm run admin:totp</code>.
      </p>
      <table>
        <thead>
          <tr>
            <th>Email</th>
            <th>Role</th>
            <th>Second factor</th>
            <th>Last used</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <td>{a.email}</td>
              <td>{a.role}</td>
              <td>{a.totp ? "TOTP" : "none"}</td>
              <td>{a.lastSeenAt ?? "never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
