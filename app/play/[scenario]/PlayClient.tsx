"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { parseSeed, TIERS, tierNames, type RunEnvironment, type RunResult, type Scenario, type TierName } from "@/game/core";
import {
  abandonServerRun,
  fetchMe,
  redeemCode,
  finishServerRun,
  resendPendingFinish,
  signOut,
  signUp,
  startServerRun,
  type ApiFailure,
  type FinishedRun,
  type Me,
  type ServerRun,
} from "@/game/client/api";
import { measureRefreshRate, tierLabel } from "@/game/client/pacing";
import type { PlaySession, SessionOutcome } from "@/game/client/session";
import { loadSettings, saveSettings } from "@/game/client/settings";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/contracts/settings";
import Crosshair from "@/app/components/Crosshair";
import RunHud, { hudElements, useHudRefs } from "@/app/components/RunHud";
import WeeklyTop from "@/app/leaderboards/WeeklyTop";
import SettingsPanel from "./SettingsPanel";

type Phase = "ready" | "starting" | "playing" | "results" | "abandoned";
type Player = Me;
/** What the server said of a ranked run: its verdict, or why it could not say. */
type ServerAnswer = { state: "pending" } | { state: "done"; run: FinishedRun } | { state: "failed"; failure: ApiFailure };

/**
 * The game itself (session, input, the three.js renderer) is loaded when this page mounts, not
 * imported with it: pages that link here and prefetch it (the scenario list) do not download
 * three.js. The start button waits for it; it arrives while the display's refresh rate is measured.
 */
type Game = typeof import("@/game/client/session");
const loadGame = (): Promise<Game> => import("@/game/client/session");

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export default function PlayClient({ scenario }: { scenario: Scenario }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tierName, setTierName] = useState<TierName>("free");
  const [phase, setPhase] = useState<Phase>("ready");
  const [outcome, setOutcome] = useState<SessionOutcome | null>(null);
  const [refreshHz, setRefreshHz] = useState(0);
  const [runNumber, setRunNumber] = useState(0);
  const [seed, setSeed] = useState(0);
  const [player, setPlayer] = useState<Player | null | undefined>(undefined);
  const [serverRun, setServerRun] = useState<ServerRun | null>(null);
  const [answer, setAnswer] = useState<ServerAnswer | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [game, setGame] = useState<Game | null>(null);
  const serverRunRef = useRef<ServerRun | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sessionRef = useRef<PlaySession | null>(null);
  const hudRefs = useHudRefs();

  useEffect(() => {
    setSettings(loadSettings());
    setSeed(randomSeed());
    void measureRefreshRate().then(setRefreshHz);
    loadGame().then(setGame, () => setStartError("The game could not be loaded: reload the page."));
    void fetchMe().then(setPlayer, () => setPlayer(null));
    void resendPendingFinish();
  }, []);

  // A fresh session (and canvas) for every run; settings and tier changes rebuild the idle one. A
  // ranked run gets a session on the server's seed, and starts at once.
  useEffect(() => {
    if (!game || !seed || !canvasRef.current || !refreshHz) return;
    const session = new game.PlaySession({
      canvas: canvasRef.current,
      scenario,
      tier: TIERS[tierName],
      seed,
      settings,
      refreshHz,
      hud: hudElements(hudRefs),
      onEnd(result) {
        setOutcome(result);
        setPhase(result.kind === "finished" ? "results" : "abandoned");
        const ranked = serverRunRef.current;
        if (result.kind === "abandoned" && ranked) void abandonServerRun(ranked.runId);
        if (result.kind === "finished" && ranked) {
          setAnswer({ state: "pending" });
          finishServerRun(ranked.runId, result.log, result.environment, result.result.score).then(
            (run) => setAnswer({ state: "done", run }),
            (failure: ApiFailure) => setAnswer({ state: "failed", failure }),
          );
        }
      },
    });
    sessionRef.current = session;
    if (serverRunRef.current) void begin(session);
    return () => {
      session.dispose();
      sessionRef.current = null;
    };
  }, [game, seed, runNumber, scenario, tierName, settings, refreshHz]);

  const begin = async (session: PlaySession) => {
    setPhase("playing");
    try {
      await session.begin();
    } catch {
      setOutcome({ kind: "abandoned", reason: "The browser refused pointer lock. Click the game area to try again." });
      setPhase("abandoned");
    }
  };

  /**
   * Signed in: a ranked run the server starts (its seed). Otherwise, or on Ultimate without a
   * membership ("Try Ultimate"), a practice run on a local seed.
   */
  const ranked = Boolean(player) && (tierName === "free" || player?.membership.tier === "ultimate");
  const start = async () => {
    if (!ranked) {
      if (sessionRef.current) await begin(sessionRef.current);
      return;
    }
    setPhase("starting");
    setStartError(null);
    try {
      const run = await startServerRun(scenario.id, tierName);
      serverRunRef.current = run;
      setServerRun(run);
      setSeed(parseSeed(run.seed));
      setRunNumber((n) => n + 1);
    } catch (err) {
      setStartError((err as ApiFailure).message ?? "Could not start a run.");
      setPhase("ready");
    }
  };

  const playAgain = () => {
    serverRunRef.current = null;
    setServerRun(null);
    setAnswer(null);
    setOutcome(null);
    setSeed(randomSeed());
    setRunNumber((n) => n + 1);
    setPhase("ready");
  };

  const updateSettings = (next: Settings) => {
    saveSettings(next);
    setSettings(next);
  };

  const tier = TIERS[tierName];
  return (
    <section className="play">
      <div className="play-head">
        <h1>{scenario.name}</h1>
        <p className="muted">{scenario.description}</p>
      </div>

      <div className="arena" data-phase={phase} data-seed={seed}>
        <canvas key={runNumber} ref={canvasRef} className="arena-canvas" />
        <RunHud refs={hudRefs} durationMs={scenario.durationMs} tierText={tierLabel(tier, tier.fpsCap, refreshHz)} className="hud" tierClassName="muted" />
        <Crosshair settings={settings} />
        <div ref={hudRefs.countdown} className="countdown" />
        {phase === "ready" && player !== undefined && refreshHz > 0 && game && (
          <button className="overlay start" onClick={start}>
            Click to start · {ranked ? "ranked" : "practice"} · {tier.name === "ultimate" ? (ranked ? "Ultimate" : "Try Ultimate (unranked)") : "Free"} tier
          </button>
        )}
        {phase === "abandoned" && outcome?.kind === "abandoned" && (
          <div className="overlay panel">
            <p>{outcome.reason}</p>
            <button className="button" onClick={playAgain}>
              Try again
            </button>
          </div>
        )}
        {phase === "results" && outcome?.kind === "finished" && (
          <Results scenario={scenario} outcome={outcome} answer={serverRun ? answer : null} onAgain={playAgain} />
        )}
      </div>

      {phase === "ready" && (
        <div className="play-setup">
          {startError && <p className="error">{startError}</p>}
          <Account player={player} onSignedIn={setPlayer} />
          <fieldset className="tiers">
            <legend>Tier</legend>
            {tierNames.map((name) => (
              <label key={name}>
                <input type="radio" name="tier" value={name} checked={tierName === name} onChange={() => setTierName(name)} />
                {name === "ultimate" ? "Ultimate" : "Free"}: {TIERS[name].fpsCap} fps cap, +{TIERS[name].addedLatencyMs} ms
                input latency
              </label>
            ))}
            {player?.membership.tier !== "ultimate" && (
              <p className="muted" data-testid="ultimate-note">
                Ultimate runs are ranked for Ultimate members; anyone can try Ultimate unranked.
              </p>
            )}
            <p className="muted">
              Display: {refreshHz ? `${refreshHz} Hz` : "measuring…"}
              {refreshHz > 0 && refreshHz < tier.fpsCap * 0.95 && ` — this display cannot show ${tier.fpsCap} fps; the run will be labelled with what it achieved.`}
            </p>
          </fieldset>
          <SettingsPanel settings={settings} onChange={updateSettings} />
          <p className="muted">
            <Link href="/play">All scenarios</Link>
          </p>
        </div>
      )}
      {(phase === "ready" || phase === "results") && <WeeklyTop scenario={scenario.id} />}
    </section>
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function ms(value: number | null): string {
  return value === null ? "–" : `${Math.round(value)} ms`;
}

function Account({ player, onSignedIn }: { player: Player | null | undefined; onSignedIn(p: Player | null): void }) {
  const [handle, setHandle] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (player === undefined) return null;
  if (player) {
    const redeem = async (e: React.FormEvent) => {
      e.preventDefault();
      try {
        onSignedIn({ ...player, membership: await redeemCode(code) });
        setCode("");
        setError(null);
      } catch (err) {
        setError((err as ApiFailure).message ?? "That code did not work.");
      }
    };
    return (
      <div className="muted">
        <p>
          Playing as <strong>{player.handle}</strong>
          {player.membership.tier === "ultimate" ? " · Ultimate member" : ""}: runs are ranked.{" "}
          <button className="link-button" type="button" onClick={() => void signOut().then(() => onSignedIn(null))}>
            Sign out
          </button>
        </p>
        {player.membership.tier !== "ultimate" && (
          <form className="account" onSubmit={redeem}>
            <span>Have an Ultimate code?</span>
            <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="FB-XXXX-XXXX-XXXX" aria-label="membership code" maxLength={40} />
            <button className="button secondary" type="submit">
              Redeem
            </button>
          </form>
        )}
        {error && <p className="error">{error}</p>}
      </div>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onSignedIn(await signUp(handle));
    } catch (err) {
      setError((err as ApiFailure).message ?? "Sign-up failed.");
    }
  };
  return (
    <form className="account" onSubmit={submit}>
      <span>Practice run (not ranked). Pick a handle to rank your runs:</span>
      <input value={handle} onChange={(e) => setHandle(e.target.value)} placeholder="handle" aria-label="handle" maxLength={20} />
      <button className="button" type="submit">
        Sign up
      </button>
      {error && <span className="error">{error}</span>}
    </form>
  );
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

function Results({
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
