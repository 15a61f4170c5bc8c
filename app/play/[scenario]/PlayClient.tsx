"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { parseSeed, TIERS, tierNames, type Scenario, type TierName } from "@/game/core";
import {
  abandonServerRun,
  fetchMe,
  finishServerRun,
  joinAsGuest,
  resendPendingFinish,
  startServerRun,
  type ApiFailure,
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
import Account from "./Account";
import Results, { type ServerAnswer } from "./Results";
import SettingsPanel from "./SettingsPanel";
import { useTouchOnly } from "./touch-only";

type Phase = "ready" | "starting" | "playing" | "results" | "abandoned";
type Player = Me;

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
  const touchOnly = useTouchOnly();

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
   * Every free run is ranked, the first too: a ranked run the server starts (its seed), as a guest
   * player made on the first start when the visitor has none. Ultimate without a membership ("Try
   * Ultimate") is a practice run on a local seed.
   */
  const ranked = tierName === "free" || player?.membership.tier === "ultimate";
  const start = async () => {
    if (touchOnly) return;
    if (!ranked) {
      if (sessionRef.current) await begin(sessionRef.current);
      return;
    }
    setPhase("starting");
    setStartError(null);
    try {
      if (!player) setPlayer(await joinAsGuest());
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
        {phase === "ready" && touchOnly && (
          <p className="overlay panel touch-notice" data-testid="touch-notice">
            Flickboard needs a mouse and keyboard: aiming is measured from mouse movement. Open this page on a computer to play; the
            boards below stay open to browse.
          </p>
        )}
        {phase === "ready" && !touchOnly && player !== undefined && refreshHz > 0 && game && (
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
          <Results scenario={scenario} outcome={outcome} answer={serverRun ? answer : null} player={player} onPlayer={setPlayer} onAgain={playAgain} />
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
