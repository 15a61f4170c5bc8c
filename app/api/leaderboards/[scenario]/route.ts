import { NextResponse } from "next/server";
import { route, validationError } from "@/server/api/handler";
import { boardQuerySchema, readBoardPage, resolveBoard } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/current";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** One page of a board: ?period=day|week|challenge|all&tier=all|free|ultimate&key=&limit=&cursor= */
export const GET = route<{ scenario: string }>(async (req, { scenario }) => {
  const { db, ranks } = runtime();
  const parsed = boardQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  const q = parsed.data;
  const { board, meta } = await resolveBoard(db, await currentChallenge(db), { scenarioId: scenario, ...q }, new Date());
  const page = await readBoardPage(db, ranks, board, q.limit, q.cursor);
  return NextResponse.json({ board: meta, ...page });
});
