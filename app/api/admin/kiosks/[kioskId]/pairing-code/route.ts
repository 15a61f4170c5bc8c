import { NextResponse } from "next/server";
import type { PairingCodeAnswer } from "@/lib/contracts/admin-kiosks";
import { endpoint, methods } from "@/server/api/endpoint";
import { issuePairingCode } from "@/server/kiosks/pairing-code";

/** A new one-time pairing code for a kiosk (staff), replacing any unused one; shown this once. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "staff" }, async ({ rt, auth, params }) => {
    const issued = await issuePairingCode(rt.db, params.kioskId!, { actorType: "admin", actorId: auth.admin.id });
    const answer: PairingCodeAnswer = { pairingCode: issued.pairingCode, pairingExpiresAt: issued.pairingExpiresAt.toISOString() };
    return NextResponse.json(answer, { status: 201 });
  }),
});
