/**
 * The scenario listing (/scenarios, GET /api/scenarios/browse, a player's profile): built-in and
 * player-made scenarios together, searched by name (any case) and filtered by kind, most played this
 * week first (runs started in the challenge's current week, server/boards/periods.ts, on any version
 * or booth variant), then newest first. Each with its author, its plays and the top score of its
 * all-time board (all tiers) for its latest version.
 *
 * Listed player-made scenarios are published, not unpublished and not hidden. Scenarios played this
 * week are few (bounded by a week's runs) and sorted here; the rest are paged from the database in
 * creation order, so the listing stays cheap however many scenarios players make. Pages continue by
 * a keyset cursor (plays, createdAt, id).
 */
import { z } from "zod";
import type { Scenario, ScenarioKind } from "../../../game/core";
import type { BrowseEntry, BrowsePage } from "../../../lib/contracts/scenario-browse";
import { opaqueCursor, parseOpaqueCursor } from "../../api/cursor";
import { periodAt } from "../../boards/periods";
import type { Challenge } from "../../challenge/challenge";
import { dbProvider, type Db } from "../../db/client";

export const BUILT_IN_AUTHOR = "Flickboard";

export interface BrowseInput {
  q?: string;
  kind?: ScenarioKind;
  limit: number;
  cursor?: string;
  /** Only this player's scenarios (their profile): no built-ins. */
  authorId?: string;
}

type Listed = Omit<BrowseEntry, "top"> & { createdAt: number };

/** Where a listed scenario sorts: most plays first, then newest, then by id. */
const cursorSchema = z.strictObject({ p: z.number().int().min(0), t: z.number().int().min(0).max(8.64e15), i: z.string().min(1).max(64) });
type Key = z.infer<typeof cursorSchema>;
const keyOf = (s: Listed): Key => ({ p: s.playsThisWeek, t: s.createdAt, i: s.id });
const compare = (a: Key, b: Key) => b.p - a.p || b.t - a.t || (a.i < b.i ? 1 : a.i > b.i ? -1 : 0);

export async function browseScenarios(db: Db, challenge: Challenge, input: BrowseInput, now = new Date()): Promise<BrowsePage> {
  const after = input.cursor ? parseOpaqueCursor(cursorSchema, input.cursor) : null;
  const week = periodAt("week", now, challenge);
  const plays = week ? await playsBetween(db, week.startsAt!, week.endsAt!) : new Map<string, number>();
  const playsOf = (id: string) => plays.get(id) ?? 0;
  const listable = (s: Listed) => !after || compare(after, keyOf(s)) < 0;

  const builtIns = input.authorId ? [] : (await builtInScenarios(db, input)).map((s) => ({ ...s, playsThisWeek: playsOf(s.id) }));
  const playedIds = [...plays.keys()];
  const played = (await playerMade(db, input, { id: { in: playedIds } })).map((s) => ({ ...s, playsThisWeek: playsOf(s.id) }));
  const head = [...builtIns.filter((s) => s.playsThisWeek > 0), ...played].filter(listable).sort((a, b) => compare(keyOf(a), keyOf(b)));

  let found = head.slice(0, input.limit + 1);
  if (found.length <= input.limit) {
    // Past the scenarios played this week: the rest, newest first.
    const inTail = after?.p === 0 ? { OR: [{ createdAt: { lt: new Date(after.t) } }, { createdAt: new Date(after.t), id: { lt: after.i } }] } : {};
    const rest = await playerMade(db, input, { id: { notIn: playedIds }, ...inTail }, input.limit + 1);
    const tail = [...builtIns.filter((s) => s.playsThisWeek === 0), ...rest.map((s) => ({ ...s, playsThisWeek: 0 }))]
      .filter(listable)
      .sort((a, b) => compare(keyOf(a), keyOf(b)));
    found = [...found, ...tail].slice(0, input.limit + 1);
  }
  const page = found.slice(0, input.limit);
  const tops = await Promise.all(page.map((s) => topScore(db, s.scenarioId)));
  return {
    week: week ? { startsAt: week.startsAt!.toISOString(), endsAt: week.endsAt!.toISOString() } : null,
    scenarios: page.map(({ createdAt: _c, ...s }, i) => ({ ...s, top: tops[i]! })),
    nextCursor: found.length > input.limit ? opaqueCursor(keyOf(page[page.length - 1]!)) : null,
  };
}

/** Runs started in [from, to) per listed scenario: a built-in (its booth variants included) or a player-made scenario (all its versions). */
async function playsBetween(db: Db, from: Date, to: Date): Promise<Map<string, number>> {
  const counts = await db.run.groupBy({ by: ["scenarioId"], where: { startedAt: { gte: from, lt: to } }, _count: { _all: true } });
  const rows = await db.scenario.findMany({ where: { id: { in: counts.map((c) => c.scenarioId) } }, select: { id: true, playerScenarioId: true, variantOf: true } });
  const listedAs = new Map(rows.map((r) => [r.id, r.playerScenarioId ?? r.variantOf ?? r.id]));
  const plays = new Map<string, number>();
  for (const c of counts) {
    const id = listedAs.get(c.scenarioId) ?? c.scenarioId;
    plays.set(id, (plays.get(id) ?? 0) + c._count._all);
  }
  return plays;
}

async function builtInScenarios(db: Db, input: BrowseInput): Promise<Omit<Listed, "playsThisWeek">[]> {
  const rows = await db.scenario.findMany({
    where: { active: true, variantOf: null, playerScenarioId: null, ...(input.kind ? { kind: input.kind } : {}) },
    include: { versions: true },
  });
  const q = input.q?.toLowerCase();
  return rows
    .filter((s) => !q || s.name.toLowerCase().includes(q))
    .map((s) => ({
      source: "built-in" as const,
      id: s.id,
      code: null,
      name: s.name,
      description: (s.versions.find((v) => v.version === s.currentVersion)!.definition as Scenario).description,
      kind: s.kind as ScenarioKind,
      author: { name: BUILT_IN_AUTHOR, handle: null },
      scenarioId: s.id,
      href: `/play/${encodeURIComponent(s.id)}`,
      createdAt: s.createdAt.getTime(),
    }));
}

/** Listed player-made scenarios matching the query and `where`, newest first. */
async function playerMade(db: Db, input: BrowseInput, where: object, take?: number): Promise<Omit<Listed, "playsThisWeek">[]> {
  const rows = await db.playerScenario.findMany({
    where: {
      publishedScenarioId: { not: null },
      unpublishedAt: null,
      hiddenAt: null,
      ...(input.q ? { name: nameContains(db, input.q) } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.authorId ? { authorId: input.authorId } : {}),
      ...where,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { author: { select: { handle: true } } },
  });
  return rows.map((s) => ({
    source: "player-made" as const,
    id: s.id,
    code: s.code,
    name: s.name,
    description: s.description,
    kind: s.kind as ScenarioKind,
    author: { name: s.author.handle, handle: s.author.handle },
    scenarioId: s.publishedScenarioId!,
    href: `/s/${s.code}`,
    createdAt: s.createdAt.getTime(),
  }));
}

/** A name filter in any case: SQLite's LIKE ignores ASCII case by itself; PostgreSQL is asked to. */
function nameContains(db: Db, q: string): { contains: string } {
  return dbProvider(db) === "postgresql" ? ({ contains: q, mode: "insensitive" } as { contains: string }) : { contains: q };
}

/** The first place of a scenario's all-time board, all tiers. */
async function topScore(db: Db, scenarioId: string): Promise<BrowseEntry["top"]> {
  const best = await db.boardEntry.findFirst({
    where: { scenarioId, periodKind: "all", periodKey: "all", tier: "all" },
    orderBy: [{ score: "desc" }, { achievedAt: "asc" }, { runId: "asc" }],
    select: { score: true, player: { select: { handle: true } } },
  });
  return best ? { score: best.score, handle: best.player.handle } : null;
}
