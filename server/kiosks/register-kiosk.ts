/**
 * An admin or staff member registers a kiosk: its name, the challenge (the current one), the one
 * scenario it plays, the run length, the fixed settings and the idle timeout. Answers, once, the
 * one-time pairing code and the staff PIN; only their hashes are stored. Audited.
 *
 * A run length other than the scenario's own makes a booth variant (booth-variant.ts), so a 20 s
 * booth run never shares a board with 60 s runs.
 */
import { z } from "zod";
import { playerSettingsSchema } from "../../lib/contracts/players";
import { DEFAULT_SETTINGS, parseSettings } from "../../lib/contracts/settings";
import { audit, type AuditEntry } from "../audit";
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { NotFound } from "../errors";
import { boothScenario } from "./booth-variant";
import { newPairingCode, newPin, PAIRING_CODE_TTL_MS, pairingCodeHash, pinHash } from "./secrets";

export const newKioskSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** A scenario id; default: the challenge's featured scenario. */
  scenario: z.string().min(1).max(64).optional(),
  /** Default: the scenario's own length. */
  runSeconds: z.number().int().min(5).max(300).optional(),
  idleSeconds: z.number().int().min(5).max(600).default(30),
  settings: playerSettingsSchema.default({}),
});
export type NewKiosk = z.input<typeof newKioskSchema>;

export async function registerKiosk(db: Db, input: NewKiosk, actor: Pick<AuditEntry, "actorType" | "actorId">, now = new Date()) {
  const spec = newKioskSchema.parse(input);
  const challenge = await currentChallenge(db);
  const settings = parseSettings({ ...DEFAULT_SETTINGS, ...spec.settings });
  const pairingCode = newPairingCode();
  const pin = newPin();
  return transact(db, async (tx) => {
    const base = spec.scenario ?? challenge.featuredScenarioId;
    const scenario = await boothScenario(tx, base, spec.runSeconds);
    if (!scenario) throw new NotFound("scenario_not_found", `No playable scenario "${base}".`);
    const kiosk = await tx.kiosk.create({
      data: {
        name: spec.name,
        challengeId: challenge.id,
        scenarioId: scenario.id,
        settings,
        idleSeconds: spec.idleSeconds,
        pinHash: pinHash(pin),
        pairingCodeHash: pairingCodeHash(pairingCode),
        pairingExpiresAt: new Date(now.getTime() + PAIRING_CODE_TTL_MS),
        createdBy: actor.actorId ?? null,
      },
    });
    await audit(tx, {
      ...actor,
      action: "kiosk.registered",
      targetType: "kiosk",
      targetId: kiosk.id,
      details: { name: kiosk.name, scenarioId: scenario.id, durationMs: scenario.durationMs, idleSeconds: kiosk.idleSeconds, settings },
    });
    return { kiosk: { id: kiosk.id, name: kiosk.name, scenario, idleSeconds: kiosk.idleSeconds }, pairingCode, pin, pairingExpiresAt: kiosk.pairingExpiresAt! };
  });
}
