"use client";

/**
 * The results of a run over the arena: the score, the server's verdict on a ranked run, where a
 * verified run placed (rank and top % on each board, the personal-best change), the figures that fit
 * the scenario's kind, and for a guest the one-step handle claim that keeps the run under a name.
 * Announced through a live region; focus moves to the heading. Debug figures are folded away.
 */
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { RunEnvironment, RunResult, Scenario } from "@/game/core";
import { TIERS, type TierName } from "@/game/core/tier";
import { claimHandle, fetchPlacement, type ApiFailure, type Me } from "@/game/client/api";
import { tierLabel } from "@/game/client/pacing";
import type { BoardPlacement } from "@/lib/contracts/runs";
import { announcement, figures, PERIOD_LABEL, personalBestText, TIER_LABEL, VERDICT_LABEL, type PlacementState, type ServerAnswer } from "./results-text";
import HandleForm from "./HandleForm";

export type { ServerAnswer };

function Verdict({ answer }: { answer: ServerAnswer }) {
  if (answer.state === "pending") return <p className="verdict">Verifying with the server…</p>;
  if (answer.state === "failed") return <p className="verdict error">Not submitted: {answer.failure.message}</p>;
  const { run } = answer;
  return (
    <div className={`verdict verdict-${run.verdict}`} data-verdict={run.verdict}>
      <strong>{VERDICT_LABEL[run.verdict]}</strong>
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

/** "Put this on the board": a guest's run is already on the boards under a generated handle; choosing one renames the same player. */
function ClaimFromResults({ player, onClaimed }: { player: Me; onClaimed(player: Me): void }) {
  const [claimed, setClaimed] = useState<string | null>(null);
  if (claimed) {
    return (
      <p className="claimed" role="status" data-testid="claimed">
        On the board as <strong>{claimed}</strong>.
      </p>
    );
  }
  if (!player.guest) return null;
  return (
    <HandleForm
      className="account claim"
      intro={
        <>
          Put this on the board: you played as <strong>{player.handle}</strong>. Choose a handle to keep this run and the next ones.
        </>
      }
      action="Put this on the board"
      submit={claimHandle}
      onDone={(me) => {
        setClaimed(me.handle);
        onClaimed(me);
      }}
    />
  );
}

/** The run's rank on each board: a row per period, a column per tier (all tiers, the run's own). */
function PlacementBoards({ boards }: { boards: BoardPlacement[] }) {
  const periods = [...new Set(boards.map((b) => b.period))];
  const tiers = [...new Set(boards.map((b) => b.tier))];
  return (
    <table className="placement-boards">
      <thead>
        <tr>
          <th scope="col">Rank</th>
          {tiers.map((tier) => (
            <th scope="col" key={tier}>
              {TIER_LABEL[tier]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {periods.map((period) => (
          <tr key={period}>
            <th scope="row">{PERIOD_LABEL[period]}</th>
            {tiers.map((tier) => {
              const b = boards.find((x) => x.period === period && x.tier === tier);
              return (
                <td key={tier} data-board={`${period}/${tier}`}>
                  {b ? (
                    <>
                      <span>
                        #{b.rank} of {b.size}
                      </span>{" "}
                      · <span>top {b.topPercent} %</span>
                    </>
                  ) : (
                    "–"
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Results({
  scenario,
  outcome,
  answer,
  player,
  onPlayer,
  onAgain,
  next,
}: {
  scenario: Scenario;
  outcome: { result: RunResult; log: Uint8Array; environment: RunEnvironment };
  /** The server's answer on a ranked run; null for a practice run. */
  answer: ServerAnswer | null;
  player: Me | null | undefined;
  onPlayer(player: Me): void;
  onAgain(): void;
  /** A way on beside "Play again" (a playlist's next item). */
  next?: ReactNode;
}) {
  const { result, environment, log } = outcome;
  const [logUrl, setLogUrl] = useState<string | null>(null);
  const [placement, setPlacement] = useState<PlacementState | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([log as BlobPart], { type: "application/octet-stream" }));
    setLogUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [log]);
  const verifiedRunId = answer?.state === "done" && answer.run.verdict === "verified" ? answer.run.id : null;
  useEffect(() => {
    if (!verifiedRunId) return;
    setPlacement({ state: "loading" });
    fetchPlacement(verifiedRunId).then(
      (p) => setPlacement({ state: "done", placement: p }),
      (failure: ApiFailure) => setPlacement({ state: "failed", message: failure.message ?? "try again later" }),
    );
  }, [verifiedRunId]);

  return (
    <div className="overlay panel results" data-testid="results">
      <div className="results-body">
        <h2 ref={heading} tabIndex={-1}>
          Score <span data-result="score">{result.score}</span>
        </h2>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="results-announcement">
          {announcement(result.score, answer, placement)}
        </p>
        {answer ? <Verdict answer={answer} /> : <p className="muted">Practice run: not ranked.</p>}
        {placement?.state === "loading" && <p className="muted">Finding your place on the boards…</p>}
        {placement?.state === "failed" && <p className="error">Placement unavailable: {placement.message}</p>}
        {placement?.state === "done" && (
          <p className="placement-pb" data-result="personal-best">
            {personalBestText(placement.placement)}
          </p>
        )}
        {verifiedRunId && player && <ClaimFromResults player={player} onClaimed={onPlayer} />}
        {placement?.state === "done" && placement.placement.boards.length > 0 && <PlacementBoards boards={placement.placement.boards} />}
        <table className="results-figures">
          <tbody>
            {[...figures(scenario, result), ["Tier", tierLabel(TIERS[environment.tier as TierName], environment.achievedFps, environment.refreshHz)]].map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <details className="run-details">
          <summary>Run details</summary>
          <table>
            <tbody>
              <tr>
                <th scope="row">Misses</th>
                <td>{result.misses}</td>
              </tr>
              <tr>
                <th scope="row">Frames</th>
                <td>
                  {result.frames.count} at {result.frames.achievedFps.toFixed(1)} fps (p99 interval {result.frames.p99IntervalMs.toFixed(1)} ms)
                </td>
              </tr>
              <tr>
                <th scope="row">Raw input</th>
                <td>{environment.rawInput ? "yes" : "no (browser refused unadjusted movement)"}</td>
              </tr>
              <tr>
                <th scope="row">Frame JS time</th>
                <td>
                  {environment.frameJsMs.median.toFixed(3)} ms median, {environment.frameJsMs.p99.toFixed(3)} ms p99
                </td>
              </tr>
            </tbody>
          </table>
          {logUrl && (
            <a className="button secondary" href={logUrl} download={`${scenario.id}-${result.seed}.fbl`} data-result="log">
              Download run log
            </a>
          )}
        </details>
      </div>
      <p className="results-actions">
        <button className="button" onClick={onAgain}>
          Play again
        </button>
        {next}
      </p>
    </div>
  );
}
