/** Signing in with a passkey, on any device that holds it (docs/accounts.md). */
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { NotFound } from "../errors";
import { openSession, type SessionOptions } from "../players/session";
import { rejected, takeChallenge, transportsOf, type RelyingParty } from "./passkeys";

/** Signs in with a passkey: a new session for its player, replacing the one the device presented. */
export async function signInWithPasskey(
  db: Db,
  rp: RelyingParty,
  input: { response: AuthenticationResponseJSON; session: SessionOptions & { replacing?: string | null } },
): Promise<{ player: { id: string; handle: string }; token: string; expiresAt: Date }> {
  const now = input.session.now ?? new Date();
  const challenge = await takeChallenge(db, input.response.response.clientDataJSON, "sign_in", null, now);
  const passkey = await db.passkey.findUnique({ where: { credentialId: input.response.id }, include: { player: true } });
  if (!passkey) throw new NotFound("passkey_not_found", "This passkey is not registered on Flickboard (it may have been removed).");
  const verification = await verifyAuthenticationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: transportsOf(passkey.transports) },
    requireUserVerification: false,
  }).catch(rejected);
  if (!verification.verified) rejected(new Error("verification failed"));
  return transact(db, async (tx) => {
    await tx.passkey.update({ where: { id: passkey.id }, data: { counter: verification.authenticationInfo.newCounter, lastUsedAt: now } });
    const session = await openSession(tx, passkey.playerId, input.session);
    await audit(tx, { actorType: "player", actorId: passkey.playerId, action: "player.signed_in", targetType: "player", targetId: passkey.playerId, details: { method: "passkey", passkeyId: passkey.id } });
    return { player: { id: passkey.player.id, handle: passkey.player.handle }, ...session };
  });
}

