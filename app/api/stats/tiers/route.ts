import { NextResponse } from "next/server";
import { z } from "zod";
import { SHORT_PUBLIC_CACHE } from "@/server/api/conditional";
import { endpoint, methods } from "@/server/api/endpoint";
import { resolvePeriod } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/challenge";
import { recentTierStats } from "@/server/stats/read-tier-stats";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  scenario: z.string().min(1).max(64),
  period: z.string().max(16).default("all"),
  key: z.string().max(40).optional(),
});

/** Free vs Ultimate on a scenario over a period, from stored verified runs (docs/stats.md). Public, aggregates only. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "none", query }, async ({ rt, query }) => {
    const period = resolvePeriod(await currentChallenge(rt.db), query.period, query.key, new Date());
    const stats = await recentTierStats(rt.db, query.scenario, period);
    return NextResponse.json({ stats }, { headers: { "cache-control": SHORT_PUBLIC_CACHE } });
  }),
});
