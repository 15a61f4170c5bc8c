import { endpoint, methods } from "@/server/api/endpoint";
import { membershipStatus } from "@/server/memberships/membership";
import { profilePatchSchema } from "@/lib/contracts/players";
import { profileOf, updateProfile } from "@/server/players/players";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth }) => ({
    player: { ...profileOf(auth.player), membership: await membershipStatus(rt.db, auth.player.id) },
  })),
  PATCH: endpoint({ auth: "player", body: profilePatchSchema }, async ({ rt, auth, body }) => ({
    player: await updateProfile(rt.db, rt.ranks, auth.player, body),
  })),
});
