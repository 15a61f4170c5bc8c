/** The author saves the editor's draft. A published scenario's versions are untouched until publishing. */
import type { PlayerScenarioView } from "../../../lib/contracts/player-scenarios";
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { acceptDraft } from "./draft";
import { authoredScenario } from "./authored";
import { readPlayerScenario } from "./view";

export async function saveDraft(db: Db, input: { authorId: string; id: string; draft: unknown }): Promise<PlayerScenarioView> {
  const draft = acceptDraft(input.draft);
  await transact(db, async (tx) => {
    await authoredScenario(tx, input.id, input.authorId);
    await tx.playerScenario.update({
      where: { id: input.id },
      data: { name: draft.name, description: draft.description, kind: draft.kind, draft: draft as object },
    });
  });
  return readPlayerScenario(db, { id: input.id }, input.authorId);
}
