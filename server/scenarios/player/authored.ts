/** The player-made scenario `id`, when `authorId` wrote it: the check every author-only use case starts with. */
import type { Tx } from "../../db/transact";
import { Forbidden, NotFound } from "../../errors";

export async function authoredScenario(tx: Tx, id: string, authorId: string) {
  const row = await tx.playerScenario.findUnique({ where: { id } });
  if (!row) throw new NotFound("scenario_not_found", "No such player-made scenario.");
  if (row.authorId !== authorId) throw new Forbidden("not_the_author", "Only the scenario's author can change it.");
  return row;
}
