import { endpoint, methods, sessionCookieSecure, setSessionCookie } from "@/server/api/endpoint";
import { membershipStatus } from "@/server/memberships/membership";
import { deleteAccountBodySchema, profilePatchSchema } from "@/lib/contracts/players";
import { deleteAccount } from "@/server/players/delete-account";
import { profileOf, updateProfile } from "@/server/players/players";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth }) => ({
    player: { ...profileOf(auth.player), membership: await membershipStatus(rt.db, auth.player.id) },
  })),
  PATCH: endpoint({ auth: "player", body: profilePatchSchema }, async ({ rt, auth, body }) => ({
    player: await updateProfile(rt.db, rt.ranks, auth.player, body),
  })),
  /** Deletes the account (server/players/delete-account.ts) and clears this device's cookie. */
  DELETE: endpoint({ auth: "player", body: deleteAccountBodySchema }, async ({ rt, auth, body, https }) => {
    const deleted = await deleteAccount(rt.db, rt, { player: auth.player, confirmHandle: body.confirmHandle });
    const res = Response.json({ deleted });
    setSessionCookie(res, null, { secure: sessionCookieSecure(rt, https) });
    return res;
  }),
});
