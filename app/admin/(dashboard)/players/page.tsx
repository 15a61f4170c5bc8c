import { requireAdminPage } from "@/server/admin/page-guard";
import { searchPlayers, SEARCH_LIMIT } from "@/server/players/search-players";
import { runtime } from "@/server/runtime";
import { NoteActionForm } from "../NoteActionForm";

/**
 * /admin/players (admins only): find a player by handle (or id) and disqualify them (off every open
 * board at once, unpaid prizes forfeited and offered down) or reinstate them, with a note.
 */
export default async function AdminPlayersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireAdminPage("admin");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 64) ?? "";
  const players = await searchPlayers(runtime().db, q || undefined);
  return (
    <section>
      <h1>Players</h1>
      <form className="admin-search" method="get">
        <input name="q" defaultValue={q} placeholder="Handle or player id" aria-label="Handle or player id" maxLength={64} />
        <button type="submit" className="button secondary">
          Search
        </button>
      </form>
      <p className="muted">
        {q ? `Players whose handle contains “${q}”, or whose id it is` : "The newest players"} (at most {SEARCH_LIMIT}).
      </p>
      <table>
        <thead>
          <tr>
            <th>Handle</th>
            <th>Status</th>
            <th>Runs</th>
            <th>Joined</th>
            <th>Action</th>
          </tr>
        </thead>
        <tbody>
          {players.map((p) => (
            <tr key={p.id} data-player={p.handle}>
              <td>
                <strong>{p.handle}</strong>
                <div className="muted">{p.id}</div>
              </td>
              <td>
                {p.disqualified ? (
                  <>
                    <strong>Disqualified</strong> {p.disqualifiedAt}
                    <div className="muted">{p.disqualifyNote}</div>
                  </>
                ) : (
                  "In good standing"
                )}
              </td>
              <td>
                {p.runs}
                <div className="muted">{Object.entries(p.history).map(([verdict, n]) => `${verdict} ${n}`).join(", ")}</div>
              </td>
              <td>{p.createdAt}</td>
              <td>
                {p.disqualified ? (
                  <NoteActionForm
                    placeholder="Why (optional)"
                    actions={[{ label: "Reinstate", url: `/api/admin/players/${encodeURIComponent(p.id)}/reinstate`, noteRequired: false, done: "Reinstated: back on the open boards." }]}
                  />
                ) : (
                  <NoteActionForm
                    placeholder="Why (required)"
                    actions={[{ label: "Disqualify", url: `/api/admin/players/${encodeURIComponent(p.id)}/disqualify`, noteRequired: true, done: "Disqualified: off every open board." }]}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {players.length === 0 && <p className="muted">No player matches.</p>}
    </section>
  );
}
