import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/server/api/handler";
import { createPlayer } from "@/server/players/players";
import { sessionCookie } from "@/server/players/session";
import { runtime } from "@/server/runtime";

const body = z.strictObject({ handle: z.string().max(100) });

/** Sign-up: a handle in, the player and a session token out (also set as an httpOnly cookie). */
export const POST = route(async (req) => {
  const { handle } = await readJson(req, body);
  const created = await createPlayer(runtime().db, { handle });
  const res = NextResponse.json(created, { status: 201 });
  res.cookies.set(sessionCookie(req, created.token));
  return res;
});
