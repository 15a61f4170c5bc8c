import { requireAdminPage } from "@/server/admin/page-guard";
import { listKiosks } from "@/server/kiosks/list-kiosks";
import { runtime } from "@/server/runtime";
import { listScenarios } from "@/server/scenarios/catalog";
import { KiosksPanel } from "./KiosksPanel";

/** /admin/kiosks (staff): the booth kiosks, registering one, new pairing codes, revoking (docs/kiosk.md). */
export default async function AdminKiosksPage() {
  await requireAdminPage("staff");
  const db = runtime().db;
  const [kiosks, scenarios] = await Promise.all([listKiosks(db), listScenarios(db)]);
  return (
    <section>
      <h1>Kiosks</h1>
      <p className="muted">
        Register a kiosk, then open <code>/kiosk</code> on the booth machine and enter its pairing code. Codes and PINs are shown once.
      </p>
      <KiosksPanel kiosks={kiosks} scenarios={scenarios.map((s) => ({ id: s.id, name: s.name }))} />
    </section>
  );
}
