import { endpoint, methods } from "@/server/api/endpoint";
import { profileOf, profilePatchSchema, updateProfile } from "@/server/players/players";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ auth }) => ({ player: profileOf(auth.player) })),
  PATCH: endpoint({ auth: "player", body: profilePatchSchema }, async ({ rt, auth, body }) => ({
    player: await updateProfile(rt.db, auth.player, body),
  })),
});
