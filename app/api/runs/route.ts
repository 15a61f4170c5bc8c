import { NextResponse } from "next/server";
import { z } from "zod";
import { tierNames, type TierName } from "@/game/core";
import { clientIp, readJson, route } from "@/server/api/handler";
import { requirePlayer } from "@/server/players/session";
import { enforceRunRate } from "@/server/runs/limits";
import { startRun } from "@/server/runs/start";
import { runtime } from "@/server/runtime";

const body = z.strictObject({
  scenario: z.string().min(1).max(64),
  tier: z.enum(tierNames as [TierName, ...TierName[]]),
});

/** Starts a run: the server chooses the seed and keeps the start time. */
export const POST = route(async (req) => {
  const rt = runtime();
  const player = await requirePlayer(rt.db, req);
  const input = await readJson(req, body);
  const ip = clientIp(req);
  enforceRunRate(rt, "start", player.id, ip);
  const run = await startRun(rt.db, { playerId: player.id, scenarioId: input.scenario, tier: input.tier, clientIp: ip });
  return NextResponse.json(run, { status: 201 });
});
