/** Adding a passkey: a named player's browser answers the registration options (docs/accounts.md). */
import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import type { PasskeyInfo } from "../../lib/contracts/accounts";
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Forbidden } from "../errors";
import { deviceLabel } from "../players/devices";
import type { PlayerRow } from "../players/session";
import { passkeyInfo, rejected, takeChallenge, type RelyingParty } from "./passkeys";

export async function registerPasskey(
  db: Db,
  rp: RelyingParty,
  input: { player: PlayerRow; response: RegistrationResponseJSON; userAgent: string | null; now?: Date },
): Promise<PasskeyInfo> {
  const now = input.now ?? new Date();
  if (input.player.guest) throw new Forbidden("handle_required", "Choose a handle first: a passkey signs you in as a named player.");
  const challenge = await takeChallenge(db, input.response.response.clientDataJSON, "register", input.player.id, now);
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(rejected);
  if (!verification.verified) rejected(new Error("verification failed"));
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const passkey = await transact(db, async (tx) => {
    const row = await tx.passkey.create({
      data: {
        playerId: input.player.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ? JSON.stringify(credential.transports) : null,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: deviceLabel(input.userAgent),
        createdAt: now,
      },
    });
    await audit(tx, { actorType: "player", actorId: input.player.id, action: "player.passkey_added", targetType: "passkey", targetId: row.id });
    return row;
  });
  return passkeyInfo(passkey);
}

