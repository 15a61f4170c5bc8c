import { requireAdminPage } from "@/server/admin/page-guard";
import { settingsAnswer } from "@/server/challenge/update-settings";
import { listMembershipCodes } from "@/server/memberships/list-codes";
import { runtime } from "@/server/runtime";
import { listScenarios } from "@/server/scenarios/catalog";
import { CodesPanel } from "./CodesPanel";
import { SettingsForm } from "./SettingsForm";

/** /admin/settings (admins only): the challenge's dates, zone, close schedules, featured scenario, prize table; membership codes. */
export default async function AdminSettingsPage() {
  await requireAdminPage("admin");
  const db = runtime().db;
  const [row, scenarios, codes] = await Promise.all([db.challenge.findFirstOrThrow({ orderBy: { startsAt: "desc" } }), listScenarios(db), listMembershipCodes(db)]);
  return (
    <section>
      <h1>Challenge settings</h1>
      <p className="muted">
        Every change is audited. Periods already played cannot be moved: a change that would is refused with the reason.
      </p>
      <SettingsForm initial={settingsAnswer(row)} scenarios={scenarios.map((s) => ({ id: s.id, name: s.name }))} />
      <h2>Membership codes</h2>
      <CodesPanel codes={codes} />
    </section>
  );
}
