/**
 * The author publishes the draft. The first publish, and every publish after an edit, makes a new
 * version: a Scenario of its own ("<code>-v<n>") with its definition stored under its content hash,
 * so its runs and boards are its own and earlier versions keep theirs (and stay playable: playlists
 * pin them). Publishing an unchanged draft makes nothing new. Publishing again after unpublishing
 * makes the scenario playable again; a scenario an admin hid stays hidden.
 */
import { draftOf, scenarioFromDraft, scenarioHash, type Scenario } from "../../../game/core";
import { versionScenarioId, type PlayerScenarioView } from "../../../lib/contracts/player-scenarios";
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { Conflict } from "../../errors";
import { acceptDraft, sameDraft } from "./draft";
import { authoredScenario } from "./authored";
import { readPlayerScenario } from "./view";

export async function publishPlayerScenario(db: Db, input: { authorId: string; id: string }): Promise<PlayerScenarioView> {
  await transact(db, async (tx) => {
    const row = await authoredScenario(tx, input.id, input.authorId);
    if (row.hiddenAt) throw new Conflict("scenario_unplayable", "An admin hid this scenario: it cannot be published.");
    const draft = acceptDraft(row.draft);
    const latest = await tx.scenario.findFirst({ where: { playerScenarioId: row.id }, orderBy: { versionNumber: "desc" }, include: { versions: true } });
    const latestDefinition = latest?.versions.find((v) => v.version === latest.currentVersion)?.definition as Scenario | undefined;
    const unchanged = latestDefinition !== undefined && sameDraft(draft, draftOf(latestDefinition));
    if (!unchanged) {
      const versionNumber = (latest?.versionNumber ?? 0) + 1;
      const scenario = scenarioFromDraft(draft, versionScenarioId(row.code, versionNumber));
      const version = scenarioHash(scenario);
      await tx.scenario.create({
        data: { id: scenario.id, name: scenario.name, kind: scenario.kind, currentVersion: version, playerScenarioId: row.id, versionNumber },
      });
      await tx.scenarioVersion.create({ data: { scenarioId: scenario.id, version, definition: scenario as object } });
      await tx.playerScenario.update({ where: { id: row.id }, data: { publishedScenarioId: scenario.id, unpublishedAt: null } });
    } else if (row.unpublishedAt) {
      await tx.playerScenario.update({ where: { id: row.id }, data: { unpublishedAt: null } });
    }
    await tx.scenario.updateMany({ where: { playerScenarioId: row.id }, data: { active: true } });
  });
  return readPlayerScenario(db, { id: input.id }, input.authorId);
}
