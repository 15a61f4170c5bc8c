/**
 * Sign-in lock-out: LOCKOUT.failures failed sign-ins for one email within LOCKOUT.windowMs lock that
 * email for LOCKOUT.lockMs. Failures are rows in the database, so a lock holds on every instance
 * and across restarts. They are kept by the email as typed, whether or not an account has it, so a
 * lock (and its answer) says nothing about which emails exist. A successful sign-in clears them.
 */
import type { Db } from "../db/client";

export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;
/** Failures older than this are deleted as new ones arrive. */
const KEEP_MS = 24 * 3600_000;

type Tx = Pick<Db, "adminLoginFailure">;

/**
 * When the lock on `emailKey` ends, or null when it is not locked. No failure is recorded while
 * locked, so the latest failure is the one that locked it.
 */
export async function lockedUntil(tx: Tx, key: string, now: Date): Promise<Date | null> {
  const latest = await tx.adminLoginFailure.findMany({ where: { emailKey: key }, orderBy: { at: "desc" }, take: LOCKOUT.failures, select: { at: true } });
  if (latest.length < LOCKOUT.failures) return null;
  const newest = latest[0]!.at.getTime();
  if (newest - latest[LOCKOUT.failures - 1]!.at.getTime() > LOCKOUT.windowMs) return null;
  const until = new Date(newest + LOCKOUT.lockMs);
  return until > now ? until : null;
}

/** Records a failed sign-in; returns when the lock ends if this failure locked the email. */
export async function recordFailure(tx: Tx, key: string, ip: string | null, now: Date): Promise<Date | null> {
  await tx.adminLoginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - KEEP_MS) } } });
  await tx.adminLoginFailure.create({ data: { emailKey: key, ip, at: now } });
  return lockedUntil(tx, key, now);
}

/** Forgets an email's failures (it signed in, or an operator reset its password). */
export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.adminLoginFailure.deleteMany({ where: { emailKey: key } });
}
