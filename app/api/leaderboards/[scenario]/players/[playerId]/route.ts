import { NextResponse } from "next/server";
import { route, validationError } from "@/server/api/handler";
import { boardQuerySchema, readStanding, resolveBoard } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/current";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** A player's rank and score on a board, the entries ±5 around them, and the board's size. */
export const GET = route<{ scenario: string; playerId: string }>(async (req, { scenario, playerId }) => {
  const { db, ranks } = runtime();
  const parsed = boardQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const { board, meta } = await resolveBoard(db, await currentChallenge(db), { scenarioId: scenario, ...parsed.data }, new Date());
  return NextResponse.json({ board: meta, ...(await readStanding(db, ranks, board, playerId)) });
});
