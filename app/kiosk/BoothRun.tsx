"use client";

/**
 * One booth run, full screen: a click starts it on the server (the booth player's token, the
 * kiosk's scenario) and locks the pointer; the game client plays it with the kiosk's fixed
 * settings; the finish goes up with the player's token, kept on the device with its idempotency key
 * until the server answers. When it cannot go (no network, a server error), the kiosk uploads it later:
 * the player still sees their score, which is the one the server will compute from the same log.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { parseSeed, TIERS, toBase64, type Scenario, type TierName } from "@/game/core";
import { tierLabel } from "@/game/client/pacing";
import { PlaySession, type SessionOutcome } from "@/game/client/session";
import { mergeSettings } from "@/game/client/settings";
import type { FinishOutcome, StartedRun } from "@/lib/contracts/runs";
import type { Settings } from "@/lib/contracts/settings";
import Crosshair from "@/app/components/Crosshair";
import RunHud, { hudElements, useHudRefs } from "@/app/components/RunHud";
import { isApiFailure, kioskApi, retryable } from "./kiosk-api";
import { sendKeepingRun } from "./upload-queue";

export interface BoothRunOutcome {
  tier: TierName;
  runId: string;
  /** The score of the run's log as the core computes it (what the server computes too). */
  score: number;
  /** The server's answer, when it came. */
  outcome: FinishOutcome | null;
  /** Kept on the device, to be uploaded when the network returns. */
  kept: boolean;
  /** Why the server refused the finish, if it did. */
  refused: string | null;
}

type Phase = "ready" | "starting" | "playing" | "submitting";

export default function BoothRun(props: {
  scenario: Scenario;
  settings: Settings;
  tier: TierName;
  token: string;
  refreshHz: number;
  onPlaying(playing: boolean): void;
  onDone(outcome: BoothRunOutcome): void;
}) {
  const { scenario, tier, token, refreshHz } = props;
  // A kiosk stores only the settings it sets (sensitivity, FOV): the rest, the crosshair's geometry
  // among them, are the defaults.
  const settings = useMemo(() => mergeSettings(props.settings), [props.settings]);
  const [phase, setPhase] = useState<Phase>("ready");
  const [message, setMessage] = useState<string | null>(null);
  const [serverRun, setServerRun] = useState<StartedRun | null>(null);
  const [attempt, setAttempt] = useState(0);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const hud = useHudRefs();
  const callbacks = useRef(props);
  callbacks.current = props;

  // A session on the server's seed for each started run (a fresh canvas each time), begun at once.
  useEffect(() => {
    if (!serverRun || !canvasRef.current) return;
    const session = new PlaySession({
      canvas: canvasRef.current,
      scenario,
      tier: TIERS[tier],
      seed: parseSeed(serverRun.seed),
      settings,
      refreshHz,
      hud: hudElements(hud),
      onEnd: (outcome) => void ended(serverRun, outcome),
    });
    setPhase("playing");
    callbacks.current.onPlaying(true);
    session.begin().catch(() => void ended(serverRun, { kind: "abandoned", reason: "The browser refused pointer lock." }));
    return () => session.dispose();
  }, [serverRun]);

  const start = async () => {
    setPhase("starting");
    setMessage(null);
    try {
      const run = await kioskApi.startRun(token, scenario.id, tier);
      setAttempt((n) => n + 1);
      setServerRun(run);
    } catch (err) {
      setMessage(isApiFailure(err) && err.status === 0 ? "The network is down: waiting for it. Click to try again." : `Could not start: ${isApiFailure(err) ? err.message : "error"}`);
      setPhase("ready");
    }
  };

  const ended = async (run: StartedRun, outcome: SessionOutcome) => {
    if (outcome.kind === "abandoned") {
      callbacks.current.onPlaying(false);
      void kioskApi.abandonRun(token, run.runId).catch(() => undefined);
      setServerRun(null);
      setMessage(`${outcome.reason} Click to start again.`);
      setPhase("ready");
      return;
    }
    setPhase("submitting");
    const score = outcome.result.score;
    const body = { log: toBase64(outcome.log), environment: outcome.environment, claimed: { score }, idempotencyKey: `${run.runId}-${crypto.randomUUID()}` };
    const done = (rest: Pick<BoothRunOutcome, "outcome" | "kept" | "refused">) => callbacks.current.onDone({ tier, runId: run.runId, score, ...rest });
    // Still "playing" for the idle timeout until the answer (or the keeping) is in: onDone ends it.
    try {
      const answer = await sendKeepingRun({ runId: run.runId, body, tier, keptAt: new Date().toISOString() }, () => kioskApi.finish(token, run.runId, body));
      done({ outcome: answer, kept: false, refused: null });
    } catch (err) {
      if (!retryable(err)) return done({ outcome: null, kept: false, refused: isApiFailure(err) ? err.message : "refused" });
      done({ outcome: null, kept: true, refused: null });
    }
  };

  const t = TIERS[tier];
  return (
    <div className="kiosk-arena" data-phase={phase} data-tier={tier} data-seed={serverRun ? parseSeed(serverRun.seed) : ""}>
      <canvas key={attempt} ref={canvasRef} className="kiosk-canvas" />
      <RunHud refs={hud} durationMs={scenario.durationMs} kind={scenario.kind} tierText={tierLabel(t, t.fpsCap, refreshHz)} className="kiosk-hud" />
      <Crosshair settings={settings} markerRef={hud.marker} />
      <div ref={hud.countdown} className="kiosk-countdown" />
      {phase === "ready" && (
        <button className="kiosk-start" onClick={start}>
          {message && <span className="kiosk-start-note">{message}</span>}
          Click to start your {tier === "ultimate" ? "Ultimate" : "Free"} run · {t.fpsCap} fps
        </button>
      )}
      {phase === "submitting" && <div className="kiosk-start">Sending your run…</div>}
    </div>
  );
}
