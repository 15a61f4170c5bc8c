"use client";

/**
 * The booth machine in kiosk mode (docs/kiosk.md): pairing, then a loop of attract screen, sign-up,
 * a 10-second how-to, a free run and an Ultimate run, and the result side by side, back to the
 * attract screen when the player leaves or after the kiosk's idle timeout. The booth player's token
 * lives in a ref for their turn only and is dropped (and the server told) when the turn ends. The
 * kiosk's heartbeat keeps its setup current, uploads kept runs when the network returns, and drops
 * back to pairing as soon as the kiosk is revoked. Staff leave kiosk mode with the kiosk's PIN.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { parseScenario, type Scenario, type TierName } from "@/game/core";
import { measureRefreshRate } from "@/game/client/pacing";
import { KIOSK_HEARTBEAT_MS, type BoothSession, type KioskConfig } from "@/lib/contracts/kiosks";
import Attract from "./Attract";
import BoothRun, { type BoothRunOutcome } from "./BoothRun";
import { isApiFailure, kioskApi } from "./kiosk-api";
import Result from "./Result";
import SignUp from "./SignUp";
import Staff from "./Staff";
import { flushKeptRuns, keptRuns } from "./upload-queue";

type Screen = "loading" | "pairing" | "attract" | "signup" | "howto" | "free" | "between" | "ultimate" | "result";
const HOWTO_MS = 10_000;
/** The last setup the server gave, so a reload while the network is down still opens the booth. */
const CONFIG_KEY = "flickboard.kiosk.config.v1";

export default function KioskApp() {
  const [screen, setScreen] = useState<Screen>("loading");
  const [config, setConfig] = useState<KioskConfig | null>(null);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [refreshHz, setRefreshHz] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [player, setPlayer] = useState<BoothSession["player"] | null>(null);
  const [runs, setRuns] = useState<Partial<Record<TierName, BoothRunOutcome>>>({});
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(true);
  const [playing, setPlaying] = useState(false);
  const [staff, setStaff] = useState(false);
  /** The booth player's token: in memory, for their turn only. */
  const token = useRef<string | null>(null);
  const configText = useRef("");

  const applyConfig = useCallback((next: KioskConfig) => {
    const text = JSON.stringify(next);
    if (text === configText.current) return;
    configText.current = text;
    localStorage.setItem(CONFIG_KEY, text);
    setConfig(next);
  }, []);

  const endTurn = useCallback(() => {
    if (token.current) void kioskApi.leave().catch(() => undefined);
    token.current = null;
    setPlayer(null);
    setRuns({});
    setPlaying(false);
    setScreen((s) => (s === "pairing" || s === "loading" ? s : "attract"));
  }, []);

  const unpaired = useCallback((message: string | null) => {
    token.current = null;
    setPlayer(null);
    setRuns({});
    setConfig(null);
    configText.current = "";
    localStorage.removeItem(CONFIG_KEY);
    setNotice(message);
    setScreen("pairing");
  }, []);

  const refreshPending = useCallback(() => void keptRuns().then((k) => setPending(k.length), () => undefined), []);

  // First load: paired or not (offline: as last known), and the display's refresh rate.
  useEffect(() => {
    void measureRefreshRate().then(setRefreshHz);
    kioskApi.me().then(
      (c) => {
        applyConfig(c);
        setScreen("attract");
      },
      (err) => {
        const cached = localStorage.getItem(CONFIG_KEY);
        if (isApiFailure(err) && err.status === 401) return unpaired(null);
        if (!cached) return setScreen("pairing");
        configText.current = cached;
        setConfig(JSON.parse(cached) as KioskConfig);
        setOnline(false);
        setScreen("attract");
      },
    );
    refreshPending();
  }, [applyConfig, unpaired, refreshPending]);

  // The booth's scenario definition, as the server pins it.
  useEffect(() => {
    if (!config) return;
    void fetch(`/api/scenarios/${config.scenario.id}`)
      .then((r) => r.json())
      .then((b) => setScenario(parseScenario(b.scenario.definition)), () => undefined);
  }, [config?.scenario.id]);

  // The heartbeat: the kiosk is online (and not revoked); kept runs go up as soon as it is.
  useEffect(() => {
    if (!config) return;
    const beat = () =>
      kioskApi.me().then(
        (c) => {
          applyConfig(c);
          setOnline(true);
          void flushKeptRuns().then(setPending, () => undefined);
        },
        (err) => {
          if (isApiFailure(err) && err.status === 401) unpaired("This kiosk was revoked. Pair it again with a new code.");
          else setOnline(false);
        },
      );
    const timer = setInterval(beat, KIOSK_HEARTBEAT_MS);
    window.addEventListener("online", beat);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", beat);
    };
  }, [config !== null, applyConfig, unpaired]);

  // Back to the attract screen after the kiosk's idle timeout (not during the how-to or a run).
  useEffect(() => {
    if (!config || playing || staff || !["signup", "free", "between", "ultimate", "result"].includes(screen)) return;
    let timer = setTimeout(endTurn, config.idleSeconds * 1000);
    const activity = () => {
      clearTimeout(timer);
      timer = setTimeout(endTurn, config.idleSeconds * 1000);
    };
    const events = ["pointerdown", "pointermove", "keydown"] as const;
    for (const e of events) window.addEventListener(e, activity);
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, activity);
    };
  }, [config, screen, playing, staff, endTurn]);

  // The how-to shows for 10 seconds (a click skips it), then the free run waits for its click.
  useEffect(() => {
    if (screen !== "howto") return;
    const timer = setTimeout(() => setScreen("free"), HOWTO_MS);
    return () => clearTimeout(timer);
  }, [screen]);

  const signedIn = (session: BoothSession) => {
    token.current = session.token;
    setPlayer(session.player);
    setRuns({});
    setScreen("howto");
  };

  const runDone = (outcome: BoothRunOutcome) => {
    setRuns((r) => ({ ...r, [outcome.tier]: outcome }));
    setPlaying(false);
    if (outcome.kept) refreshPending();
    setScreen(outcome.tier === "free" ? "between" : "result");
  };

  if (screen === "loading") return <div className="kiosk kiosk-center" data-screen="loading" />;
  if (screen === "pairing" || !config) {
    return <Pairing notice={notice} onPaired={(c) => (applyConfig(c), setNotice(null), setScreen("attract"))} />;
  }
  return (
    <div className="kiosk" data-screen={screen} data-online={online}>
      {screen === "attract" && <Attract config={config} pending={pending} onPlay={() => setScreen("signup")} onStaff={() => setStaff(true)} />}
      {screen === "signup" && <SignUp onSignedIn={signedIn} onCancel={endTurn} />}
      {screen === "howto" && player && <HowTo config={config} handle={player.handle} onSkip={() => setScreen("free")} />}
      {(screen === "free" || screen === "ultimate") && scenario && refreshHz > 0 && token.current && (
        <BoothRun
          key={screen}
          scenario={scenario}
          settings={config.settings}
          tier={screen}
          token={token.current}
          refreshHz={refreshHz}
          onPlaying={setPlaying}
          onDone={runDone}
        />
      )}
      {screen === "between" && runs.free && (
        <div className="kiosk-center kiosk-panel" data-testid="between">
          <p className="kiosk-big">
            Free run: <strong data-run="free">{runs.free.score}</strong>
          </p>
          {runs.free.kept && <p className="kiosk-note">Saved, will upload.</p>}
          <p>Now the same drill on Ultimate: 240 fps and less input lag.</p>
          <button className="kiosk-button" onClick={() => setScreen("ultimate")}>
            Continue to the Ultimate run
          </button>
        </div>
      )}
      {screen === "result" && player && runs.free && runs.ultimate && (
        <Result config={config} handle={player.handle} free={runs.free} ultimate={runs.ultimate} onDone={endTurn} />
      )}
      {staff && <Staff config={config} pending={pending} onClose={() => setStaff(false)} />}
    </div>
  );
}

function Pairing({ notice, onPaired }: { notice: string | null; onPaired(config: KioskConfig): void }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onPaired(await kioskApi.pair(code));
    } catch (err) {
      setError(isApiFailure(err) ? err.message : "Pairing failed.");
    }
  };
  return (
    <div className="kiosk kiosk-center" data-screen="pairing">
      <form className="kiosk-panel kiosk-form" onSubmit={submit}>
        <h1>Pair this kiosk</h1>
        {notice && <p className="kiosk-error">{notice}</p>}
        <p>Enter the pairing code from the dashboard (or from `npm run kiosk:create`).</p>
        <input className="kiosk-input" aria-label="pairing code" value={code} onChange={(e) => setCode(e.target.value)} placeholder="XXXX-XXXX" autoFocus maxLength={40} />
        <button className="kiosk-button" type="submit">
          Pair
        </button>
        {error && <p className="kiosk-error">{error}</p>}
      </form>
    </div>
  );
}

function HowTo({ config, handle, onSkip }: { config: KioskConfig; handle: string; onSkip(): void }) {
  return (
    <div className="kiosk-center kiosk-panel kiosk-howto" data-testid="howto" onClick={onSkip}>
      <h1>Hi {handle}!</h1>
      <ol className="kiosk-steps">
        <li>Move the mouse to aim; the crosshair is the centre of the screen.</li>
        <li>Click the targets as fast as you can: each hit scores, each one you destroy makes a new one.</li>
        <li>
          Two runs of {config.scenario.durationMs / 1000} seconds: first on <strong>Free</strong> (60 fps), then on <strong>Ultimate</strong> (240 fps).
        </li>
        <li>Then see how much faster you are on Ultimate, and where you rank today.</li>
      </ol>
      <div className="kiosk-progress" aria-hidden>
        <span style={{ animationDuration: `${HOWTO_MS}ms` }} />
      </div>
      <p className="kiosk-note">Click to skip.</p>
    </div>
  );
}
