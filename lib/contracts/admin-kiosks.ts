/** The dashboard's kiosk section (GET/POST /api/admin/kiosks, docs/kiosk.md "Setting up a booth"). */

/** One kiosk as the dashboard lists it (times as ISO strings). */
export interface AdminKioskRow {
  id: string;
  name: string;
  /** A booth variant's name says its run length, e.g. "Gridshot (20 s)". */
  scenario: { id: string; name: string };
  /** A device holds the kiosk's credential. */
  paired: boolean;
  pairedAt: string | null;
  /** The latest request the paired device made (its heartbeat), or null. */
  lastSeenAt: string | null;
  /** When the unused pairing code stops working; null when no code is outstanding. */
  pairingExpiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/** GET /api/admin/kiosks */
export interface AdminKiosksAnswer {
  kiosks: AdminKioskRow[];
}

/** POST /api/admin/kiosks (201): the one-time pairing code and staff PIN are shown this once. */
export interface RegisteredKioskAnswer {
  kiosk: { id: string; name: string; scenario: { id: string; name: string; durationMs: number }; idleSeconds: number };
  pairingCode: string;
  pin: string;
  pairingExpiresAt: string;
}

/** POST /api/admin/kiosks/:kioskId/pairing-code (201) */
export interface PairingCodeAnswer {
  pairingCode: string;
  pairingExpiresAt: string;
}
