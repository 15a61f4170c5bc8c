/**
 * A play's summary, for the screen after the last item and GET /api/playlist-plays/[playId]: per item
 * the scenario, the latest run's score and verdict and the change it made to the personal best on
 * that scenario; once finished, the total and the player's rank on the playlist's boards.
 */
import type { TierName } from "../../game/core";
import type { PlaySummary, PlaySummaryItem } from "../../lib/contracts/playlists";
import type { TierFilter } from "../../lib/contracts/boards";
import type { Db } from "../db/client";
import { personalBestChange } from "../runs/personal-best";
import { boardSize, rankOn } from "./board";
import { latestRunsOf, ownPlay } from "./play-runs";

export async function readPlaySummary(db: Db, input: { playerId: string; playId: string }): Promise<PlaySummary> {
  const play = await ownPlay(db, input.playId, input.playerId);
  const latest = await latestRunsOf(db, play.id);
  const items: PlaySummaryItem[] = [];
  for (const item of play.playlist.items) {
    const run = latest.get(item.position) ?? null;
    const verified = run?.verdict === "verified" && run.score !== null && run.finishedAt !== null;
    items.push({
      position: item.position,
      scenario: { id: item.scenarioId, name: item.scenario.scenario.name },
      run: run && { id: run.id, verdict: run.verdict, score: run.score },
      personalBest: verified ? await personalBestChange(db, { ...run, score: run.score!, finishedAt: run.finishedAt! }) : null,
    });
  }
  const ranks: PlaySummary["ranks"] = [];
  if (play.finishedAt) {
    for (const tier of ["all", play.tier] as TierFilter[]) {
      const at = await rankOn(db, play.playlistId, tier, input.playerId);
      if (at) ranks.push({ tier, rank: at.rank, size: await boardSize(db, play.playlistId, tier), best: at.playId === play.id });
    }
  }
  return {
    play: { id: play.id, tier: play.tier as TierName, startedAt: play.startedAt.toISOString(), finishedAt: play.finishedAt?.toISOString() ?? null },
    playlist: { id: play.playlist.id, code: play.playlist.code, name: play.playlist.name },
    items,
    total: play.total,
    ranks,
  };
}
