import { NextResponse } from "next/server";
import type { RegisteredKioskAnswer } from "@/lib/contracts/admin-kiosks";
import { endpoint, methods } from "@/server/api/endpoint";
import { listKiosks } from "@/server/kiosks/list-kiosks";
import { newKioskSchema, registerKiosk } from "@/server/kiosks/register-kiosk";

/** The kiosks (staff): list them, or register one and show its one-time pairing code and staff PIN. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "staff" }, async ({ rt }) => ({ kiosks: await listKiosks(rt.db) })),
  POST: endpoint({ auth: "staff", body: newKioskSchema }, async ({ rt, auth, body }) => {
    const made = await registerKiosk(rt.db, body, { actorType: "admin", actorId: auth.admin.id });
    const answer: RegisteredKioskAnswer = {
      kiosk: { id: made.kiosk.id, name: made.kiosk.name, scenario: { id: made.kiosk.scenario.id, name: made.kiosk.scenario.name, durationMs: made.kiosk.scenario.durationMs }, idleSeconds: made.kiosk.idleSeconds },
      pairingCode: made.pairingCode,
      pin: made.pin,
      pairingExpiresAt: made.pairingExpiresAt.toISOString(),
    };
    return NextResponse.json(answer, { status: 201 });
  }),
});
