"use client";

import { useEffect, useState } from "react";
import { fetchMe } from "@/game/client/api";
import type { TierFilter } from "@/lib/contracts/boards";
import BoardTable from "./BoardTable";
import { timeUntil, useBoard } from "./useBoard";

const PERIODS = [
  ["day", "Today"],
  ["week", "This week"],
  ["challenge", "Challenge"],
  ["all", "All time"],
] as const;
const TIERS = [
  ["all", "All tiers"],
  ["free", "Free (60 fps)"],
  ["ultimate", "Ultimate (240 fps)"],
] as const;

/** The boards of `scenarios`, opening on `initial` when it is one of them. */
export default function LeaderboardView({ scenarios, initial }: { scenarios: { id: string; name: string }[]; initial?: string }) {
  const [scenario, setScenario] = useState(scenarios.find((s) => s.id === initial)?.id ?? scenarios[0]?.id ?? "gridshot");
  const [period, setPeriod] = useState<string>("week");
  const [tier, setTier] = useState<TierFilter>("all");
  const [key, setKey] = useState<string | undefined>(undefined);
  const [pastKeys, setPastKeys] = useState<{ key: string; startsAt: string | null }[]>([]);
  const [me, setMe] = useState<string | null>(null);
  const [, tick] = useState(0);

  useEffect(() => {
    void fetchMe().then((player) => setMe(player?.id ?? null), () => setMe(null));
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    setKey(undefined);
    if (period !== "week" && period !== "day") return setPastKeys([]);
    void fetch(`/api/leaderboards/${scenario}/periods?period=${period}`).then(async (r) => r.ok && setPastKeys((await r.json()).periods));
  }, [scenario, period]);

  const { board, entries, standing, error, live } = useBoard({ scenario, period, tier, key }, me);
  const onPage = standing?.player && entries.some((e) => e.player.id === me);

  return (
    <section className="leaderboards">
      <h1>Leaderboards</h1>
      <div className="board-controls">
        <select value={scenario} onChange={(e) => setScenario(e.target.value)} aria-label="scenario">
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <div className="segmented" role="group" aria-label="period">
          {PERIODS.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={period === value} onClick={() => setPeriod(value)}>
              {label}
            </button>
          ))}
        </div>
        <select value={tier} onChange={(e) => setTier(e.target.value as TierFilter)} aria-label="tier">
          {TIERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {pastKeys.length > 1 && (
          <select value={key ?? ""} onChange={(e) => setKey(e.target.value || undefined)} aria-label="past periods">
            <option value="">Current {period}</option>
            {pastKeys.slice(1).map((p) => (
              <option key={p.key} value={p.key}>
                {period === "week" ? `Week of ${p.key.slice(0, 10)}` : p.key}
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="muted board-status">
        <span className={live ? "live on" : "live"}>{live ? "● live" : "○ offline"}</span>
        {board?.nextResetAt && period === "week" && <> · resets in {timeUntil(board.nextResetAt)}</>}
        {board?.closed && <> · closed {board.endsAt && new Date(board.endsAt).toLocaleString()}</>}
        {standing && <> · {standing.size} players</>}
      </p>
      {error ? <p className="error">{error}</p> : <BoardTable rows={entries} me={me} />}
      {standing?.player && !onPage && (
        <>
          <h2>Around you</h2>
          <BoardTable rows={standing.around} me={me} />
        </>
      )}
    </section>
  );
}
