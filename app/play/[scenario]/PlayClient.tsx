"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Scenario } from "@/game/core";
import { parseSeed } from "@/game/core/prng";
import { TIERS, tierNames, type TierName } from "@/game/core/tier";
import {
  abandonServerRun,
  fetchMe,
  finishServerRun,
  joinAsGuest,
  resendPendingFinish,
  startServerRun,
  type ApiFailure,
  type FinishedRun,
  type Me,
  type ServerRun,
} from "@/game/client/api";
import { measureRefreshRate, tierLabel } from "@/game/client/pacing";
import type { PlaySession, SessionOutcome } from "@/game/client/session";
import { keyLabel } from "@/game/client/settings";
import type { PlaylistRunFields } from "@/lib/contracts/playlists";
import { ShotSounds } from "@/game/client/sounds";
import Crosshair from "@/app/components/Crosshair";
import RunHud, { hudElements, useHudRefs } from "@/app/components/RunHud";
import WeeklyTop from "@/app/leaderboards/WeeklyTop";
import Account from "./Account";
import Results, { type ServerAnswer } from "./Results";
import AbandonDialog from "./AbandonDialog";
import SettingsPanel from "./SettingsPanel";
import { useTouchOnly } from "./touch-only";
import { useFullScreenArena } from "./use-full-screen-arena";
import { usePlayerSettings } from "./use-player-settings";

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

/** The countdown before the first run of a visit, and before retries when the player asks for it. */
const COUNTDOWN_MS = 3000;

/** A key typed into a form control is not a game key. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
}

/** Played as an item of a playlist play (app/p/[playlistCode]/play): its tier, and its runs started as that item. */
export interface PlaylistSlot {
  tier: TierName;
  /** The play and position a run is started under (called at each start). */
  fields(): Promise<PlaylistRunFields>;
  /** The server's answer to each finished run. */
  onAnswer(run: FinishedRun): void;
  /** The way on, shown with the results (in the arena, which may be full screen). */
  next?: ReactNode;
}

export default function PlayClient({ scenario, playlist }: { scenario: Scenario; playlist?: PlaylistSlot }) {
  const [tierName, setTierName] = useState<TierName>(playlist?.tier ?? "free");
  const playlistRef = useRef(playlist);
  playlistRef.current = playlist;
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
  const { settings, sync, update: updateSettings } = usePlayerSettings(player);
  const arena = useFullScreenArena(settings.fullscreen);
  /** Runs begun on this visit: the first counts down, retries only if the player asks for it. */
  const runsBegun = useRef(0);
  /** The next session begins as soon as it exists (a practice restart; a ranked run always does). */
  const beginAtOnce = useRef(false);
  const restarting = useRef(false);
  /** A ranked run lost pointer lock (Esc): the player is asked before it is abandoned. */
  const [lockLost, setLockLost] = useState(false);
  const sounds = useRef<ShotSounds | null>(null);
  sounds.current ??= new ShotSounds(settings.volume);
  useEffect(() => sounds.current!.setVolume(settings.volume), [settings.volume]);
  useEffect(() => () => sounds.current?.close(), []);

  useEffect(() => {
    setSeed(randomSeed());
    void measureRefreshRate().then(setRefreshHz);
    loadGame().then(setGame, () => setStartError("The game could not be loaded: reload the page."));
    void fetchMe().then(setPlayer, () => setPlayer(null));
    void resendPendingFinish();
  }, []);

  // A fresh session (and canvas) for every run; settings and tier changes rebuild the idle one. A
  // ranked run gets a session on the server's seed, and starts at once, as does a restarted one.
  useEffect(() => {
    if (!game || !seed || !canvasRef.current || !refreshHz) return;
    const rankedRun = serverRunRef.current;
    const session = new game.PlaySession({
      canvas: canvasRef.current,
      scenario,
      tier: TIERS[tierName],
      seed,
      settings,
      refreshHz,
      hud: hudElements(hudRefs),
      countdownMs: runsBegun.current > 0 && !settings.countdownOnRetry ? 0 : COUNTDOWN_MS,
      sounds: sounds.current,
      // Esc on a ranked run asks first; a practice run ends at once.
      onLockLost: rankedRun ? () => setLockLost(true) : undefined,
      onEnd(result) {
        setLockLost(false);
        setOutcome(result);
        setPhase(result.kind === "finished" ? "results" : "abandoned");
        const ranked = serverRunRef.current;
        if (result.kind === "abandoned" && ranked) void abandonServerRun(ranked.runId);
        if (result.kind === "finished" && ranked) {
          setAnswer({ state: "pending" });
          finishServerRun(ranked.runId, result.log, result.environment, result.result.score).then(
            (run) => {
              setAnswer({ state: "done", run });
              playlistRef.current?.onAnswer(run);
            },
            (failure: ApiFailure) => setAnswer({ state: "failed", failure }),
          );
        }
      },
    });
    sessionRef.current = session;
    if (rankedRun || beginAtOnce.current) {
      beginAtOnce.current = false;
      void begin(session);
    }
    return () => {
      session.dispose();
      sessionRef.current = null;
    };
  }, [game, seed, runNumber, scenario, tierName, settings, refreshHz]);

  const begin = async (session: PlaySession) => {
    setPhase("playing");
    runsBegun.current++;
    try {
      // Pointer lock first: asking for full screen uses up the click's user activation, after which
      // Chromium refuses pointer lock; full screen is granted after the lock and keeps it.
      await session.begin();
      await arena.enter();
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
  const ranked = playlist !== undefined || tierName === "free" || player?.membership.tier === "ultimate";
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
      const run = await startServerRun(scenario.id, tierName, await playlist?.fields());
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

  /**
   * The restart key, or a retry from the results: a new run at once. A ranked run still under way is
   * abandoned on the server first; then a new one is started there, as from the start button.
   */
  const restart = async () => {
    if (restarting.current) return;
    restarting.current = true;
    sounds.current!.unlock();
    try {
      const current = sessionRef.current;
      const open = current?.active ? serverRunRef.current : null;
      current?.dispose();
      setLockLost(false);
      setAnswer(null);
      setOutcome(null);
      if (open) await abandonServerRun(open.runId);
      if (ranked) {
        await start();
        return;
      }
      serverRunRef.current = null;
      setServerRun(null);
      beginAtOnce.current = true;
      setSeed(randomSeed());
      setRunNumber((n) => n + 1);
    } finally {
      restarting.current = false;
    }
  };

  // Game keys: the restart key during a run and on its results; Esc leaves a window-filling arena.
  const keys = useRef({ restart, phase, restartKey: settings.restartKey, leave: arena.leave });
  keys.current = { restart, phase, restartKey: settings.restartKey, leave: arena.leave };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const { phase, restartKey } = keys.current;
      if (e.code === restartKey && (phase === "playing" || phase === "results" || phase === "abandoned")) {
        e.preventDefault();
        void keys.current.restart();
      } else if (e.code === "Escape" && phase !== "playing") keys.current.leave();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const tier = TIERS[tierName];
  return (
    <section className="play">
      <div className="play-head">
        <h1>{scenario.name}</h1>
        <p className="muted">{scenario.description}</p>
      </div>

      <div ref={arena.ref} className={arena.filled ? "arena arena-filled" : "arena"} data-phase={phase} data-seed={seed}>
        <canvas key={runNumber} ref={canvasRef} className="arena-canvas" />
        <RunHud
          refs={hudRefs}
          durationMs={scenario.durationMs}
          kind={scenario.kind}
          tierText={tierLabel(tier, tier.fpsCap, refreshHz)}
          className="hud"
          tierClassName="muted"
        />
        <Crosshair settings={settings} markerRef={hudRefs.marker} />
        <div ref={hudRefs.countdown} className="countdown" />
        {phase === "ready" && touchOnly && (
          <p className="overlay panel touch-notice" data-testid="touch-notice">
            Flickboard needs a mouse and keyboard: aiming is measured from mouse movement. Open this page on a computer to play; the
            boards below stay open to browse.
          </p>
        )}
        {lockLost && phase === "playing" && sessionRef.current && (
          <AbandonDialog
            session={sessionRef.current}
            onResumed={() => setLockLost(false)}
            onAbandon={() => sessionRef.current?.abandon("You abandoned the ranked run.")}
          />
        )}
        {phase === "ready" && !touchOnly && player !== undefined && refreshHz > 0 && game && (
          <button
            className="overlay start"
            onClick={() => {
              sounds.current!.unlock();
              void start();
            }}
          >
            Click to start · {ranked ? "ranked" : "practice"} · {tier.name === "ultimate" ? (ranked ? "Ultimate" : "Try Ultimate (unranked)") : "Free"} tier
          </button>
        )}
        {phase === "abandoned" && outcome?.kind === "abandoned" && (
          <div className="overlay panel">
            <p>{outcome.reason}</p>
            <p className="actions">
              <button className="button" onClick={() => void restart()}>
                Try again
              </button>
              <button
                className="button secondary"
                onClick={() => {
                  arena.leave();
                  playAgain();
                }}
              >
                Back to settings
              </button>
            </p>
            <p className="muted">
              <kbd>{keyLabel(settings.restartKey)}</kbd> restarts at once.
            </p>
          </div>
        )}
        {phase === "results" && (
          <p className="restart-hint" data-testid="restart-hint">
            <kbd>{keyLabel(settings.restartKey)}</kbd> plays again at once
          </p>
        )}
        {phase === "results" && outcome?.kind === "finished" && (
          <Results scenario={scenario} outcome={outcome} answer={serverRun ? answer : null} player={player} onPlayer={setPlayer} onAgain={playAgain} next={playlist?.next} />
        )}
      </div>

      {phase === "ready" && (
        <div className="play-setup">
          {startError && <p className="error">{startError}</p>}
          <Account player={player} onSignedIn={setPlayer} />
          <fieldset className="tiers" disabled={playlist !== undefined}>
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
          <SettingsPanel settings={settings} sync={sync} onChange={updateSettings} />
          <p className="muted">
            <Link href="/play">All scenarios</Link>
          </p>
        </div>
      )}
      {(phase === "ready" || phase === "results") && <WeeklyTop scenario={scenario.id} />}
    </section>
  );
}
