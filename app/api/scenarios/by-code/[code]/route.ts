import { endpoint, methods } from "@/server/api/endpoint";
import { NotFound } from "@/server/errors";
import { normalizeShareCode } from "@/lib/contracts/player-scenarios";
import { readPlayerScenario } from "@/server/scenarios/player/view";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  /** A shared scenario by its code: the latest published definition, its versions and author. */
  GET: endpoint({ auth: "optional-player" }, async ({ rt, auth, params }) => {
    const code = normalizeShareCode(params.code!);
    if (!code) throw new NotFound("scenario_not_found", "No scenario has that code.");
    return { scenario: await readPlayerScenario(rt.db, { code }, auth?.player.id ?? null) };
  }),
});
