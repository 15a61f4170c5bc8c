"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { TIERS, tierNames, type RunResult, type Scenario, type TierName } from "@/game/core";
import { measureRefreshRate } from "@/game/client/pacing";
import { PlaySession, tierLabel, type RunEnvironment, type SessionOutcome } from "@/game/client/session";
import { CROSSHAIR_COLOURS, DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from "@/game/client/settings";
import SettingsPanel from "./SettingsPanel";

type Phase = "ready" | "playing" | "results" | "abandoned";

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
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const sessionRef = useRef<PlaySession | null>(null);
  const hudRefs = {
    time: useRef<HTMLSpanElement>(null),
    score: useRef<HTMLSpanElement>(null),
    accuracy: useRef<HTMLSpanElement>(null),
    countdown: useRef<HTMLDivElement>(null),
  };

  useEffect(() => {
    setSettings(loadSettings());
    setSeed(randomSeed());
    void measureRefreshRate().then(setRefreshHz);
  }, []);

  // A fresh session (and canvas) for every run; settings and tier changes rebuild the idle one.
  useEffect(() => {
    if (phase !== "ready" || !seed || !canvasRef.current) return;
    const session = new PlaySession({
      canvas: canvasRef.current,
      scenario,
      tier: TIERS[tierName],
      seed,
      settings,
      refreshHz,
      hud: {
        time: hudRefs.time.current!,
        score: hudRefs.score.current!,
        accuracy: hudRefs.accuracy.current!,
        countdown: hudRefs.countdown.current!,
      },
      onEnd(result) {
        setOutcome(result);
        setPhase(result.kind === "finished" ? "results" : "abandoned");
      },
    });
    sessionRef.current = session;
    return () => {
      session.dispose();
      sessionRef.current = null;
    };
  }, [phase, seed, runNumber, scenario, tierName, settings, refreshHz]);

  const start = async () => {
    const session = sessionRef.current;
    if (!session) return;
    setPhase("playing");
    try {
      await session.begin();
    } catch {
      setOutcome({ kind: "abandoned", reason: "The browser refused pointer lock. Click the game area to try again." });
      setPhase("abandoned");
    }
  };

  const playAgain = () => {
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
        <canvas key={runNumber} ref={canvasRef} className="arena-canvas" onClick={phase === "ready" ? start : undefined} />
        <div className="hud" aria-live="off">
          <span>
            Time <span ref={hudRefs.time} data-hud="time">{(scenario.durationMs / 1000).toFixed(1)}</span>
          </span>
          <span>
            Score <span ref={hudRefs.score} data-hud="score">0</span>
          </span>
          <span>
            Accuracy <span ref={hudRefs.accuracy} data-hud="accuracy">0%</span>
          </span>
          <span className="muted">{tierLabel(tier, tier.fpsCap, refreshHz)}</span>
        </div>
        <Crosshair settings={settings} />
        <div ref={hudRefs.countdown} className="countdown" />
        {phase === "ready" && (
          <button className="overlay start" onClick={start}>
            Click to start · {tier.name === "ultimate" ? "Ultimate" : "Free"} tier
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
          <Results scenario={scenario} outcome={outcome} onAgain={playAgain} />
        )}
      </div>

      {phase === "ready" && (
        <div className="play-setup">
          <fieldset className="tiers">
            <legend>Tier</legend>
            {tierNames.map((name) => (
              <label key={name}>
                <input type="radio" name="tier" value={name} checked={tierName === name} onChange={() => setTierName(name)} />
                {name === "ultimate" ? "Ultimate" : "Free"}: {TIERS[name].fpsCap} fps cap, +{TIERS[name].addedLatencyMs} ms
                input latency
              </label>
            ))}
            <p className="muted">
              Display: {refreshHz ? `${refreshHz} Hz` : "measuring…"}
              {refreshHz > 0 && refreshHz < tier.fpsCap * 0.95 && ` — this display cannot show ${tier.fpsCap} fps; the run will be labelled with what it achieved.`}
            </p>
          </fieldset>
          <SettingsPanel settings={settings} onChange={updateSettings} />
          <p className="muted">
            Practice run: scored in your browser by the same core the server uses. <Link href="/play">All scenarios</Link>
          </p>
        </div>
      )}
    </section>
  );
}

function Crosshair({ settings }: { settings: Settings }) {
  return (
    <div
      className={`crosshair crosshair-${settings.crosshairStyle}`}
      style={{ "--crosshair": CROSSHAIR_COLOURS[settings.crosshairColour] } as React.CSSProperties}
      aria-hidden
    />
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

function Results({
  scenario,
  outcome,
  onAgain,
}: {
  scenario: Scenario;
  outcome: { result: RunResult; log: Uint8Array; environment: RunEnvironment };
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
