/**
 * A kiosk uploads a run it played (`POST /api/kiosks/me/runs/:runId/finish`), with the kiosk's
 * credential alone: the booth player may have left, and the kiosk never keeps their token. This is
 * how a finish kept on the device (IndexedDB) while the venue network was down reaches the server.
 * The run goes through the one finish path (finishRun) under its player, so an upload repeated with
 * the same idempotency key answers the stored outcome and counts once.
 *
 * Late uploads (docs/kiosk.md): a finish is due within the run's duration + RUN_FINISH_ALLOWANCE_SEC
 * (its expiresAt). A kiosk's finish that comes later is let in when
 * - the kiosk was not heard from in the last half of that allowance while the run was unfinished
 *   (Run.kioskOnlineAt is null: an online kiosk would have sent its finish by then, so silence is
 *   the network's doing, not a game slowed down or a finish held back), and
 * - it arrives within KIOSK_UPLOAD_ALLOWANCE_HOURS of the deadline.
 * Such a run is marked (Run.lateUploadAt), verified like any other, and carries a `late_upload`
 * review finding with the delay as evidence. Any other late finish is run_expired, as on the site.
 */
import type { FinishBody, FinishOutcome } from "../../lib/contracts/runs";
import type { Db } from "../db/client";
import { NotFound } from "../errors";
import { finding } from "../runs/findings";
import { finishRun, type FinishNote, type FinishServices } from "../runs/finish";

export interface UploadPolicy {
  /** RUN_FINISH_ALLOWANCE_SEC in ms. */
  finishAllowanceMs: number;
  /** KIOSK_UPLOAD_ALLOWANCE_HOURS in ms: how late after its deadline an offline kiosk's finish may come. */
  uploadAllowanceMs: number;
}

export function uploadPolicy(config: { RUN_FINISH_ALLOWANCE_SEC: number; KIOSK_UPLOAD_ALLOWANCE_HOURS: number }): UploadPolicy {
  return { finishAllowanceMs: config.RUN_FINISH_ALLOWANCE_SEC * 1000, uploadAllowanceMs: config.KIOSK_UPLOAD_ALLOWANCE_HOURS * 3600_000 };
}

export async function uploadKioskRun(
  db: Db,
  services: FinishServices,
  policy: UploadPolicy,
  input: { kioskId: string; runId: string; body: FinishBody; now?: Date },
): Promise<FinishOutcome> {
  const run = await db.run.findUnique({ where: { id: input.runId }, include: { scenario: true } });
  if (!run || run.kioskId !== input.kioskId) throw new NotFound("run_not_found", "This kiosk started no run with that id.");
  const now = input.now ?? new Date();
  const excused = run.kioskOnlineAt === null && now.getTime() - run.expiresAt.getTime() <= policy.uploadAllowanceMs;
  let lateUploadAt = run.lateUploadAt;
  if (!run.finishedAt && now > run.expiresAt && excused) {
    // The upload allowance: a fresh finish window from now, for this submission's verification.
    await db.run.updateMany({
      where: { id: run.id, finishedAt: null },
      data: { lateUploadAt: now, expiresAt: new Date(now.getTime() + policy.finishAllowanceMs) },
    });
    lateUploadAt = now;
  }
  // A run let in late carries the note, written with the verdict (also when an earlier upload of it
  // was let in and then lost before its finish committed); a finished run answers its stored outcome.
  const notes = lateUploadAt && !run.finishedAt ? [lateUploadNote(run, lateUploadAt, policy)] : [];
  return finishRun(db, services, { runId: run.id, playerId: run.playerId, body: input.body, notes });
}

/** The late_upload review note: when the finish was due, when it came, and from which kiosk. */
function lateUploadNote(
  run: { id: string; startedAt: Date; kioskId: string | null; scenario: { definition: unknown } },
  uploadedAt: Date,
  policy: UploadPolicy,
): FinishNote {
  const durationMs = (run.scenario.definition as { durationMs: number }).durationMs;
  const dueAt = run.startedAt.getTime() + durationMs + policy.finishAllowanceMs;
  const note = finding("late_upload", "review", {
    dueAt: new Date(dueAt).toISOString(),
    uploadedAt: uploadedAt.toISOString(),
    lateByMs: uploadedAt.getTime() - dueAt,
    kioskId: run.kioskId,
  });
  return {
    finding: note,
    audit: { actorType: "kiosk", actorId: run.kioskId, action: "run.late_upload", targetType: "run", targetId: run.id, details: { ...note.evidence } },
  };
}
