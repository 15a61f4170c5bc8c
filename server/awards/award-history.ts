/**
 * What the fulfilment page shows of each award past review: its history, read from the audit log
 * (every change of an award is audited in its transaction, so the log is the record: who, when and
 * the note), and the player's contact e-mail, only when they consented to prize contact.
 */
import { PAST_REVIEW, type AwardEvent, type FulfilmentRow } from "../../lib/contracts/awards";
import { actorNames } from "../audit-log";
import type { Db } from "../db/client";
import { listAwards } from "./list-awards";

/** Each award's audit entries, oldest first, with the acting admin's email (or the actor type). */
export async function awardEvents(db: Db, awardIds: readonly string[]): Promise<Map<string, AwardEvent[]>> {
  const entries = await db.auditLog.findMany({ where: { targetType: "prizeAward", targetId: { in: [...awardIds] } }, orderBy: { id: "asc" } });
  const actorOf = await actorNames(db, entries);
  const events = new Map<string, AwardEvent[]>();
  for (const e of entries) {
    const note = (e.details as { note?: unknown } | null)?.note;
    const of = events.get(e.targetId!) ?? [];
    of.push({ at: e.at.toISOString(), action: e.action, actor: actorOf(e), note: typeof note === "string" ? note : null });
    events.set(e.targetId!, of);
  }
  return events;
}

/** Players' contact e-mails, for those who consented to prize contact (Player.contactConsentAt) only. */
export async function consentedContacts(db: Db, playerIds: readonly string[]): Promise<Map<string, string>> {
  const players = await db.player.findMany({
    where: { id: { in: [...playerIds] }, contactConsentAt: { not: null }, contactEmail: { not: null } },
    select: { id: true, contactEmail: true },
  });
  return new Map(players.map((p) => [p.id, p.contactEmail!]));
}

/** The awards past review (approved, in fulfilment, fulfilled or forfeited), with their history and consented contacts. */
export async function listFulfilment(db: Db): Promise<FulfilmentRow[]> {
  const awards = await listAwards(db, { status: PAST_REVIEW });
  const [events, contacts] = await Promise.all([awardEvents(db, awards.map((a) => a.id)), consentedContacts(db, awards.map((a) => a.player.id))]);
  return awards.map((a) => ({ ...a, contactEmail: contacts.get(a.player.id) ?? null, events: events.get(a.id) ?? [] }));
}
