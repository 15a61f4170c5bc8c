/** The challenge's kiosks as the dashboard lists them: newest first, revoked ones included (marked). */
import type { AdminKioskRow } from "../../lib/contracts/admin-kiosks";
import type { Db } from "../db/client";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listKiosks(db: Db): Promise<AdminKioskRow[]> {
  const rows = await db.kiosk.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { scenario: { select: { id: true, name: true } } },
  });
  return rows.map((k) => ({
      id: k.id,
      name: k.name,
      scenario: k.scenario,
      paired: k.tokenHash !== null,
      pairedAt: iso(k.pairedAt),
      lastSeenAt: iso(k.lastSeenAt),
      pairingExpiresAt: k.pairingCodeHash ? iso(k.pairingExpiresAt) : null,
      revokedAt: iso(k.revokedAt),
      createdAt: k.createdAt.toISOString(),
  }));
}
