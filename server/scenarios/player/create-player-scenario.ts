/** A named player starts a scenario in the editor: a draft with its share code, not yet playable. */
import type { PlayerScenarioView } from "../../../lib/contracts/player-scenarios";
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { Forbidden } from "../../errors";
import { withFreshRandomKey } from "../../players/players";
import { acceptDraft, newShareCode } from "./draft";
import { readPlayerScenario } from "./view";

export async function createPlayerScenario(db: Db, input: { author: { id: string; guest: boolean }; draft: unknown }): Promise<PlayerScenarioView> {
  if (input.author.guest) throw new Forbidden("handle_required", "Choose a handle first: scenarios are shared under their author's name.");
  const draft = acceptDraft(input.draft);
  const row = await withFreshRandomKey(() =>
    transact(db, (tx) =>
      tx.playerScenario.create({
        data: { code: newShareCode(), authorId: input.author.id, name: draft.name, description: draft.description, kind: draft.kind, draft: draft as object },
      }),
    ),
  );
  return readPlayerScenario(db, { id: row.id }, input.author.id);
}
