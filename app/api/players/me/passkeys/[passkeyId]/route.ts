import { endpoint, methods } from "@/server/api/endpoint";
import { removePasskey } from "@/server/auth/remove-passkey";

/** Removes one of the player's passkeys: it no longer signs anyone in. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  DELETE: endpoint({ auth: "player" }, async ({ rt, auth, params }) => {
    await removePasskey(rt.db, auth.player.id, params.passkeyId!);
    return new Response(null, { status: 204 });
  }),
});
