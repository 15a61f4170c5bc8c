import { NextResponse } from "next/server";
import { route } from "@/server/api/handler";
import { ApiError } from "@/server/api/errors";
import { recentPeriods } from "@/server/boards/read";
import { isPeriodKind } from "@/server/boards/periods";
import { currentChallenge } from "@/server/challenge/current";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The current period of a kind and the past ones, newest first: the keys to read past boards with. */
export const GET = route(async (req) => {
  const kind = req.nextUrl.searchParams.get("period") ?? "week";
  if (!isPeriodKind(kind)) throw new ApiError(400, "invalid_period", `Unknown period "${kind}".`);
  const periods = recentPeriods(kind, await currentChallenge(runtime().db), new Date());
  return NextResponse.json({
    periods: periods.map((p) => ({ key: p.key, startsAt: p.startsAt?.toISOString() ?? null, endsAt: p.endsAt?.toISOString() ?? null })),
  });
});
