import { endpoint, methods } from "@/server/api/endpoint";
import { recentPeriods } from "@/server/boards/read";
import { isPeriodKind } from "@/server/boards/periods";
import { currentChallenge } from "@/server/challenge/challenge";
import { InvalidInput } from "@/server/errors";

export const dynamic = "force-dynamic";

/** The current period of a kind and the past ones, newest first: the keys to read past boards with. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({}, async ({ rt, req }) => {
    const kind = req.nextUrl.searchParams.get("period") ?? "week";
    if (!isPeriodKind(kind)) throw new InvalidInput("invalid_period", `Unknown period "${kind}".`);
    const periods = recentPeriods(kind, await currentChallenge(rt.db), new Date());
    return {
      periods: periods.map((p) => ({ key: p.key, startsAt: p.startsAt?.toISOString() ?? null, endsAt: p.endsAt?.toISOString() ?? null })),
    };
  }),
});
