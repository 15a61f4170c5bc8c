"use client";

/** The results of a run over the arena: the score, the server's verdict on a ranked run, the run's figures. */
import { useEffect, useState } from "react";
import { TIERS, type RunEnvironment, type RunResult, type Scenario, type TierName } from "@/game/core";
import type { ApiFailure, FinishedRun } from "@/game/client/api";
import { tierLabel } from "@/game/client/pacing";

/** What the server said of a ranked run: its verdict, or why it could not say. */
export type ServerAnswer = { state: "pending" } | { state: "done"; run: FinishedRun } | { state: "failed"; failure: ApiFailure };

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function ms(value: number | null): string {
  return value === null ? "–" : `${Math.round(value)} ms`;
}

function Verdict({ answer }: { answer: ServerAnswer }) {
  if (answer.state === "pending") return <p className="verdict">Verifying with the server…</p>;
  if (answer.state === "failed") return <p className="verdict error">Not submitted: {answer.failure.message}</p>;
  const { run } = answer;
  const label = { verified: "Verified", flagged: "Flagged for review", rejected: "Rejected" }[run.verdict];
  return (
    <div className={`verdict verdict-${run.verdict}`} data-verdict={run.verdict}>
      <strong>{label}</strong>
      {run.score !== null && <> · server score {run.score}</>}
      {run.reasons.length > 0 && (
        <ul>
          {run.reasons.map((r) => (
            <li key={r.code}>{r.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function Results({
  scenario,
  outcome,
  answer,
  onAgain,
}: {
  scenario: Scenario;
  outcome: { result: RunResult; log: Uint8Array; environment: RunEnvironment };
  answer: ServerAnswer | null;
  onAgain(): void;
}) {
  const { result, environment, log } = outcome;
  const [logUrl, setLogUrl] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([log as BlobPart], { type: "application/octet-stream" }));
    setLogUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [log]);
  const tracking = scenario.kind === "tracking" || scenario.kind === "switching";
  const rows: [string, string][] = [
    ["Hits", String(result.hits)],
    ["Misses", String(result.misses)],
    ["Shots", String(result.shots)],
    ["Accuracy", `${(result.accuracy * 100).toFixed(1)}%`],
    ["Kills", String(result.kills)],
    ["Reaction time (median)", ms(median(result.reactionTimesMs))],
    ["Time to kill (median)", ms(median(result.timeToKillMs))],
    ...(tracking ? ([["Time on target", `${(result.timeOnTargetMs / 1000).toFixed(2)} s`]] as [string, string][]) : []),
    ["Tier", tierLabel(TIERS[environment.tier as TierName], environment.achievedFps, environment.refreshHz)],
    ["Frames", `${result.frames.count} at ${result.frames.achievedFps.toFixed(1)} fps (p99 interval ${result.frames.p99IntervalMs.toFixed(1)} ms)`],
    ["Raw input", environment.rawInput ? "yes" : "no (browser refused unadjusted movement)"],
    ["Frame JS time", `${environment.frameJsMs.median.toFixed(3)} ms median, ${environment.frameJsMs.p99.toFixed(3)} ms p99`],
  ];
  return (
    <div className="overlay panel results" data-testid="results">
      <h2>
        Score <span data-result="score">{result.score}</span>
      </h2>
      {answer ? <Verdict answer={answer} /> : <p className="muted">Practice run: not submitted.</p>}
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="actions">
        <button className="button" onClick={onAgain}>
          Play again
        </button>
        {logUrl && (
          <a className="button secondary" href={logUrl} download={`${scenario.id}-${result.seed}.fbl`} data-result="log">
            Download run log
          </a>
        )}
      </p>
    </div>
  );
}
