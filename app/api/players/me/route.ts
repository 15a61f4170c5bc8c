import { NextResponse } from "next/server";
import { readJson, route } from "@/server/api/handler";
import { profileOf, profilePatchSchema, updateProfile } from "@/server/players/players";
import { requirePlayer } from "@/server/players/session";
import { runtime } from "@/server/runtime";

export const GET = route(async (req) => {
  const player = await requirePlayer(runtime().db, req);
  return NextResponse.json({ player: profileOf(player) });
});

export const PATCH = route(async (req) => {
  const { db } = runtime();
  const player = await requirePlayer(db, req);
  const patch = await readJson(req, profilePatchSchema);
  return NextResponse.json({ player: await updateProfile(db, player, patch) });
});
