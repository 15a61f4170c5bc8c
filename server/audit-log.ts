/**
 * Reading the audit log (server/audit.ts writes it): newest first, filtered by actor, action and
 * date, in keyset pages on the entry id (ids only grow, so a page never repeats or skips an entry
 * written meanwhile).
 */
import type { AuditPage, AuditQuery } from "../lib/contracts/audit";
import { emailKey } from "./admin/accounts";
import type { Db } from "./db/client";
import { InvalidInput } from "./errors";

const ACTOR_TYPES = new Set(["admin", "system", "player", "kiosk"]);
const DAY_MS = 24 * 3600_000;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function readAuditLog(db: Db, query: AuditQuery): Promise<AuditPage> {
  const before = query.cursor === undefined ? undefined : cursorId(query.cursor);
  const actor = query.actor ? await actorWhere(db, query.actor) : {};
  if (!actor) return { entries: [], nextCursor: null };
  const action = query.action?.endsWith(".") ? { startsWith: query.action } : query.action;
  const at = {
    ...(query.from ? { gte: new Date(query.from) } : {}),
    // A bare date reaches to the end of that day.
    ...(query.to ? { lt: new Date(new Date(query.to).getTime() + (BARE_DATE.test(query.to) ? DAY_MS : 1)) } : {}),
  };
  const rows = await db.auditLog.findMany({
    where: { ...actor, ...(action ? { action } : {}), ...(query.from || query.to ? { at } : {}), ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const actorOf = await actorNames(db, page);
  return {
    entries: page.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorType: e.actorType,
      actorId: e.actorId,
      actor: actorOf(e),
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      details: e.details,
    })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

function cursorId(cursor: string): number {
  if (!/^[1-9]\d{0,14}$/.test(cursor)) throw new InvalidInput("invalid_cursor", "The cursor is not one this server issued.");
  return Number(cursor);
}

/** Who acted, for people: an admin's email (looked up once for all `entries`), else the actor id or type. */
export async function actorNames(db: Db, entries: readonly { actorType: string; actorId: string | null }[]) {
  const adminIds = [...new Set(entries.filter((e) => e.actorType === "admin" && e.actorId).map((e) => e.actorId!))];
  const emails = new Map((await db.adminUser.findMany({ where: { id: { in: adminIds } }, select: { id: true, email: true } })).map((a) => [a.id, a.email]));
  return (e: { actorType: string; actorId: string | null }): string => (e.actorId && emails.get(e.actorId)) ?? e.actorId ?? e.actorType;
}

/**
 * An email names an admin account (null when none has it: no entries), an actor type names that
 * kind, anything else an actor id.
 */
async function actorWhere(db: Db, actor: string): Promise<{ actorType?: string; actorId?: string } | null> {
  if (actor.includes("@")) {
    const admin = await db.adminUser.findUnique({ where: { email: emailKey(actor) }, select: { id: true } });
    return admin ? { actorType: "admin", actorId: admin.id } : null;
  }
  return ACTOR_TYPES.has(actor) ? { actorType: actor } : { actorId: actor };
}
