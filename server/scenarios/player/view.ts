/** Reads a player-made scenario as the API answers it (PlayerScenarioView), by id or share code. */
import { draftOf, type Scenario, type ScenarioDraft, type ScenarioKind } from "../../../game/core";
import type { PlayerScenarioStatus, PlayerScenarioView, PublishedVersion } from "../../../lib/contracts/player-scenarios";
import type { Db } from "../../db/client";
import { NotFound } from "../../errors";
import { sameDraft } from "./draft";

const INCLUDE = {
  author: { select: { handle: true } },
  versions: { orderBy: { versionNumber: "desc" }, include: { versions: true } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(db: Db, where: { id: string } | { code: string }) {
  return db.playerScenario.findUnique({ where, include: INCLUDE });
}

export function statusOf(row: { publishedScenarioId: string | null; unpublishedAt: Date | null; hiddenAt: Date | null }): PlayerScenarioStatus {
  if (row.hiddenAt) return "hidden";
  if (row.unpublishedAt) return "unpublished";
  return row.publishedScenarioId ? "published" : "draft";
}

function shape(row: Row, viewerId: string | null): PlayerScenarioView {
  const versions: (PublishedVersion & { definition: Scenario })[] = row.versions.map((s) => {
    const v = s.versions.find((x) => x.version === s.currentVersion)!;
    return { scenarioId: s.id, versionNumber: s.versionNumber!, version: v.version, publishedAt: v.createdAt.toISOString(), definition: v.definition as Scenario };
  });
  const latest = versions[0] ?? null;
  const draft = row.draft as ScenarioDraft;
  const isAuthor = viewerId === row.authorId;
  return {
    id: row.id,
    code: row.code,
    author: { handle: row.author.handle },
    name: row.name,
    description: row.description,
    kind: row.kind as ScenarioKind,
    status: statusOf(row),
    draft: isAuthor ? draft : null,
    unpublishedChanges: isAuthor && (!latest || !sameDraft(draft, draftOf(latest.definition))),
    versions: versions.map(({ definition: _d, ...v }) => v),
    latest,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The scenario as `viewerId` may see it. Its author sees it in every state; anyone else sees it
 * once published, and not while hidden by an admin (its boards stay readable by scenario id).
 */
export async function readPlayerScenario(db: Db, where: { id: string } | { code: string }, viewerId: string | null): Promise<PlayerScenarioView> {
  const row = await findRow(db, where);
  const visible = row && (row.authorId === viewerId || (row.publishedScenarioId !== null && row.hiddenAt === null));
  if (!visible) throw new NotFound("scenario_not_found", "No such player-made scenario.");
  return shape(row, viewerId);
}
