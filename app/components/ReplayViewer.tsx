"use client";
/**
 * The replay viewer: a stored run played back through the game core exactly as its player saw it
 * (the game's 3D view and crosshair, shot markers, an aim map from above), with play/pause, a seek
 * bar, speed and keys, the running and final score, and whether replaying the log gives the score
 * the server stored.
 *
 * `ReplayViewer` takes the payload of `GET /api/runs/:runId/replay` (server/runs/replay-data.ts);
 * `RemoteReplayViewer` fetches it from a URL first. Values that change while playing are written
 * straight into the DOM, as the live game's HUD is; React renders only when the play state changes.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { decodeLog, fromBase64, getTier, parseScenario, parseSeed, TIERS, isClickingKind } from "@/game/core";
import { ReplayPlayer, REPLAY_SPEEDS, type ReplayInput, type ReplayStatus } from "@/game/client/replay-player";
import { ReplayView } from "@/game/client/replay-view";
import { tierLabel } from "@/game/client/pacing";
import { loadSettings } from "@/game/client/settings";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/contracts/settings";
import type { ReplayPayload } from "@/lib/contracts/replay";
import Crosshair from "./Crosshair";

/** Arrow keys move this far (with Shift: a fifth of it). */
const SEEK_STEP_MS = 5000;

function replayInput(payload: ReplayPayload): ReplayInput {
  const tier = getTier(payload.tier.name);
  if (!tier) throw new Error(`Unknown tier "${payload.tier.name}".`);
  return {
    scenario: parseScenario(payload.scenario.definition),
    seed: parseSeed(payload.seed),
    tier,
    settings: { cm360: payload.settings.cm360, dpi: payload.settings.dpi },
    log: decodeLog(fromBase64(payload.log)),
  };
}

const seconds = (ms: number) => (Math.floor(ms / 100) / 10).toFixed(1);

/** What replaying the whole log gave, against what the server stored. */
function ScoreCheck({ replayed, stored }: { replayed: number; stored: ReplayPayload["stored"] }) {
  if (stored.score === null) {
    return (
      <p className="replay-check" data-check="none">
        Rejected run ({stored.reasonCode}): no stored score. The log replays to {replayed}.
      </p>
    );
  }
  const same = replayed === stored.score;
  return (
    <p className={`replay-check ${same ? "ok" : "mismatch"}`} data-check={same ? "match" : "mismatch"}>
      {same ? `Replayed score = stored score (${stored.score})` : `Replayed score ${replayed} ≠ stored score ${stored.score}`}
    </p>
  );
}

type Playback = { playing: boolean; ended: boolean; speed: number; score: number };

export default function ReplayViewer({ replay }: { replay: ReplayPayload }) {
  const sceneRef = useRef<HTMLCanvasElement>(null);
  const mapRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<ReplayView | null>(null);
  const hud = {
    time: useRef<HTMLSpanElement>(null),
    score: useRef<HTMLSpanElement>(null),
    hits: useRef<HTMLSpanElement>(null),
    misses: useRef<HTMLSpanElement>(null),
    onTarget: useRef<HTMLSpanElement>(null),
    seek: useRef<HTMLInputElement>(null),
  };
  const playbackRef = useRef<Playback>({ playing: false, ended: false, speed: 1, score: 0 });
  const [playback, setPlayback] = useState<Playback>(playbackRef.current);
  const [replayed, setReplayed] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [mapShown, setMapShown] = useState(true);
  const { durationMs, name, kind } = replay.scenario.definition;
  const clicking = isClickingKind(kind);

  useEffect(() => {
    let view: ReplayView;
    const viewerSettings = { ...loadSettings(), hfovDeg: replay.settings.hfovDeg };
    try {
      const player = new ReplayPlayer(replayInput(replay));
      view = new ReplayView({ canvas: sceneRef.current!, map: mapRef.current!, player, settings: viewerSettings });
    } catch (err) {
      setError(`This run cannot be replayed: ${(err as Error).message}`);
      return;
    }
    const show = (s: ReplayStatus) => {
      hud.time.current!.textContent = seconds(s.time);
      hud.score.current!.textContent = String(s.score);
      if (hud.hits.current) hud.hits.current.textContent = String(s.hits);
      if (hud.misses.current) hud.misses.current.textContent = String(s.misses);
      if (hud.onTarget.current) hud.onTarget.current.textContent = seconds(s.timeOnTargetMs);
      const seek = hud.seek.current!;
      seek.value = String(Math.round(s.time));
      seek.setAttribute("aria-valuetext", `${seconds(s.time)} of ${seconds(s.durationMs)} seconds`);
      const p = playbackRef.current;
      if (p.playing !== s.playing || p.ended !== s.ended || p.speed !== s.speed || (s.ended && p.score !== s.score)) {
        playbackRef.current = { playing: s.playing, ended: s.ended, speed: s.speed, score: s.score };
        setPlayback(playbackRef.current);
      }
    };
    view.player.onUpdate = show;
    show(view.player);
    viewRef.current = view;
    setSettings(viewerSettings);
    setReplayed(view.player.result.score);
    return () => {
      view.dispose();
      viewRef.current = null;
    };
  }, [replay]);

  useEffect(() => viewRef.current?.showMap(mapShown), [mapShown]);

  const seekBy = (ms: number) => {
    const view = viewRef.current;
    if (view) view.seek(view.player.time + ms);
  };

  /** Space plays or pauses, arrows step, Home and End jump; controls keep their own keys. */
  const onKeyDown = (e: KeyboardEvent) => {
    const view = viewRef.current;
    const tag = (e.target as HTMLElement).tagName;
    if (!view || e.altKey || e.ctrlKey || e.metaKey) return;
    const ownKeys = tag === "INPUT" || tag === "SELECT" || (tag === "BUTTON" && e.key === " ");
    if (ownKeys) return;
    const step = e.shiftKey ? SEEK_STEP_MS / 5 : SEEK_STEP_MS;
    if (e.key === " ") view.toggle();
    else if (e.key === "ArrowLeft") seekBy(-step);
    else if (e.key === "ArrowRight") seekBy(step);
    else if (e.key === "Home") view.seek(0);
    else if (e.key === "End") view.seek(durationMs);
    else return;
    e.preventDefault();
  };

  const tier = getTier(replay.tier.name) ?? TIERS.free;
  const handle = replay.player.handle;
  return (
    <section className="replay" aria-label={`Replay of ${handle}'s ${name} run`} onKeyDown={onKeyDown} data-ready={replayed !== null} data-ended={playback.ended}>
      <div className="replay-head">
        <h2>
          {name} · {handle}
        </h2>
        <p className="muted">
          {tierLabel(tier, replay.environment.achievedFps, replay.environment.refreshHz)} · {replay.settings.cm360} cm/360 at {replay.settings.dpi} DPI,{" "}
          {replay.settings.hfovDeg}° FOV · finished {new Date(replay.finishedAt).toLocaleString()} · {replay.stored.verdict}
        </p>
        {replayed !== null && <ScoreCheck replayed={replayed} stored={replay.stored} />}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <div
        className="arena replay-arena"
        role="group"
        tabIndex={0}
        aria-label="Replay view: Space plays or pauses, arrows step 5 seconds (Shift: 1 second), Home and End jump"
        aria-keyshortcuts="Space ArrowLeft ArrowRight Home End"
        onClick={() => viewRef.current?.toggle()}
      >
        <canvas ref={sceneRef} className="arena-canvas" data-replay="scene" role="img" aria-label="The run as its player saw it" />
        <div className="hud">
          <span>
            Time <span ref={hud.time} data-replay="time">0.0</span> / {seconds(durationMs)} s
          </span>
          <span>
            Score <span ref={hud.score} data-replay="score">0</span>
          </span>
          {clicking ? (
            <>
              <span>
                Hits <span ref={hud.hits} data-replay="hits">0</span>
              </span>
              <span>
                Misses <span ref={hud.misses} data-replay="misses">0</span>
              </span>
            </>
          ) : (
            <span>
              On target <span ref={hud.onTarget} data-replay="on-target">0.0</span> s
            </span>
          )}
        </div>
        <Crosshair settings={settings} />
        <canvas
          ref={mapRef}
          className="aim-map"
          data-replay="map"
          hidden={!mapShown}
          role="img"
          aria-label="Aim map: the aim's path over the last 2 seconds, the targets and the shots, seen from above (yaw across, pitch up)"
        />
      </div>

      <div className="replay-controls" role="group" aria-label="Replay controls">
        <button type="button" className="button" onClick={() => viewRef.current?.toggle()} disabled={replayed === null}>
          {playback.playing ? "Pause" : playback.ended ? "Play again" : "Play"}
        </button>
        <input
          ref={hud.seek}
          type="range"
          className="seek"
          min={0}
          max={durationMs}
          step={10}
          defaultValue={0}
          aria-label="Seek"
          disabled={replayed === null}
          onChange={(e) => viewRef.current?.seek(Number(e.currentTarget.value))}
        />
        <label>
          Speed{" "}
          <select value={playback.speed} onChange={(e) => viewRef.current?.setSpeed(Number(e.currentTarget.value))} disabled={replayed === null}>
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={mapShown} onChange={(e) => setMapShown(e.currentTarget.checked)} /> Aim map
        </label>
      </div>
      <p className="muted replay-legend">
        Markers: a ring where a shot hit, a cross where it missed, at the aim it was fired with. Aim map: the path of the last 2 s
        (blue where it earned tracking credit), targets as discs, the spawn area dashed.
      </p>
      <p role="status" className="replay-final" data-replay="final">
        {playback.ended && `Final score ${playback.score}`}
      </p>
    </section>
  );
}

/** Fetches a replay payload (the viewer's cookie goes along) and shows it, or why it cannot. */
export function RemoteReplayViewer({ src }: { src: string }) {
  const [state, setState] = useState<{ replay: ReplayPayload } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(src).then(
      async (res) => {
        const body = await res.json().catch(() => null);
        if (!live) return;
        if (res.ok && body?.replay) setState({ replay: body.replay });
        else setState({ error: body?.error?.message ?? `The replay could not be loaded (HTTP ${res.status}).` });
      },
      () => live && setState({ error: "The replay could not be loaded: the network failed." }),
    );
    return () => {
      live = false;
    };
  }, [src]);
  if (!state) return <p className="muted" role="status">Loading the replay…</p>;
  if ("error" in state) return <p className="error" role="alert">{state.error}</p>;
  return <ReplayViewer replay={state.replay} />;
}
