"use client";

import Link from "next/link";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import {
  builtInScenarios,
  canonicalJson,
  checkScenarioDraft,
  draftOf,
  scenarioKinds,
  type DraftIssue,
  type ScenarioDraft,
  type ScenarioHealth,
  type ScenarioKind,
  type ScenarioMotion,
} from "@/game/core";
import { json, type ApiFailure } from "@/game/client/api";
import type { PlayerScenarioView } from "@/lib/contracts/player-scenarios";
import { SCENARIO_KIND_LABELS } from "@/lib/contracts/scenario-kinds";
import { ErrorNote } from "@/app/components/ErrorNote";
import Preview from "./Preview";
import ShareBox from "./ShareBox";
import styles from "./editor.module.css";

/**
 * The scenario editor (docs/client.md, "Editor"): a form over the scenario schema, with each field's
 * problems beside it as the author types (game/core checkScenarioDraft, the very check the server
 * makes), a live preview of the last valid draft, presets from the built-ins, and Save draft /
 * Publish over /api/player-scenarios. A new scenario is created on its first save; the page's
 * address then becomes its edit page.
 */

const HEALTH_DEFAULTS: Record<ScenarioHealth["type"], ScenarioHealth> = {
  hits: { type: "hits", hits: 1 },
  time: { type: "time", ms: 1000 },
  invulnerable: { type: "invulnerable" },
};
const MOTION_DEFAULTS: Record<ScenarioMotion["type"], ScenarioMotion> = {
  none: { type: "none" },
  strafe: { type: "strafe", pattern: "bounce", speedDegPerSec: 30, amplitudeDeg: 12 },
  smooth: { type: "smooth", speedDegPerSec: 45, amplitudeYawDeg: 25, amplitudePitchDeg: 8, components: 3 },
};
/** How long the draft must rest before the preview restarts on it, ms. */
const PREVIEW_DELAY_MS = 400;

/** `object` with the value at the dotted `path` replaced (copies along the path). */
function withValue<T>(object: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".");
  const current = object as Record<string, unknown>;
  return { ...current, [head!]: rest.length === 0 ? value : withValue(current[head!], rest.join("."), value) } as T;
}

/**
 * The draft as a scenario of `kind`: the kind's rules tie target health, motion and scoring to it, so
 * those come from the built-in of that kind; the name, duration, spawn area and targets' size stay.
 */
function asKind(draft: ScenarioDraft, kind: ScenarioKind): ScenarioDraft {
  const preset = builtInScenarios.find((s) => s.kind === kind)!;
  const count = kind === "switching" ? Math.max(2, draft.targets.count) : draft.targets.count;
  return { ...draft, kind, targets: { ...draft.targets, count, health: preset.targets.health }, motion: preset.motion, scoring: preset.scoring };
}

function valueAt(object: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], object);
}

type Save = { state: "idle" } | { state: "busy" } | { state: "saved"; message: string } | { state: "failed"; message: string };

export default function ScenarioEditor({ initial }: { initial: PlayerScenarioView | null }) {
  const [draft, setDraft] = useState<ScenarioDraft>(() => initial?.draft ?? draftOf(builtInScenarios[0]!));
  const [saved, setSaved] = useState<PlayerScenarioView | null>(initial);
  const [save, setSave] = useState<Save>({ state: "idle" });
  const check = useMemo(() => checkScenarioDraft(draft), [draft]);
  const issues = check.ok ? [] : check.issues;
  const [previewed, setPreviewed] = useState<ScenarioDraft | null>(check.ok ? check.draft : null);

  // The preview follows the last valid draft once typing pauses.
  useEffect(() => {
    if (!check.ok) return;
    const timer = setTimeout(() => setPreviewed(check.draft), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [check]);

  const set = (path: string, value: unknown) => {
    setDraft((d) => withValue(d, path, value));
    if (save.state !== "busy") setSave({ state: "idle" });
  };
  const changeKind = (kind: ScenarioKind) => {
    setDraft((d) => asKind(d, kind));
    if (save.state !== "busy") setSave({ state: "idle" });
  };
  // Compared canonically: a stored draft's keys may come back in another order (PostgreSQL's jsonb).
  const unsaved = !saved?.draft || !check.ok || canonicalJson(saved.draft) !== canonicalJson(check.draft);

  /** Saves the draft (creating the scenario on its first save); answers the stored scenario. */
  const store = async (): Promise<PlayerScenarioView> => {
    const res = saved
      ? await fetch(`/api/player-scenarios/${saved.id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ draft }) })
      : await fetch("/api/player-scenarios", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ draft }) });
    const { scenario } = await json<{ scenario: PlayerScenarioView }>(res);
    setSaved(scenario);
    if (!saved) window.history.replaceState(null, "", `/scenarios/${scenario.id}/edit`);
    return scenario;
  };

  const act = async (what: "save" | "publish") => {
    setSave({ state: "busy" });
    try {
      let scenario = await store();
      if (what === "publish") {
        const res = await fetch(`/api/player-scenarios/${scenario.id}/publish`, { method: "POST" });
        scenario = (await json<{ scenario: PlayerScenarioView }>(res)).scenario;
        setSaved(scenario);
      }
      const version = scenario.latest && `version ${scenario.latest.versionNumber}`;
      setSave({ state: "saved", message: what === "publish" ? `Published as ${version}.` : "Draft saved." });
    } catch (err) {
      setSave({ state: "failed", message: (err as ApiFailure).message ?? "Could not save." });
    }
  };

  const field = (path: string, label: string, input: ReactNode, hint?: string) => (
    <Field key={path} path={path} label={label} issues={issues} hint={hint}>
      {input}
    </Field>
  );
  const number = (path: string, label: string, hint?: string, step: number | "any" = "any") => {
    const value = valueAt(draft, path) as number;
    return field(
      path,
      label,
      <input
        id={fieldId(path)}
        type="number"
        step={step}
        value={Number.isNaN(value) ? "" : value}
        aria-invalid={issuesAt(issues, path).length > 0}
        aria-describedby={`${fieldId(path)}-issues`}
        onChange={(e) => set(path, e.target.value === "" ? Number.NaN : Number(e.target.value))}
      />,
      hint,
    );
  };

  const { health } = draft.targets;
  const { motion } = draft;
  const unplaced = issues.filter((i) => !FIELD_PATHS.has(i.path));

  return (
    <section className={styles.editor}>
      <div className={styles.head}>
        <h1>{saved ? `Edit ${saved.name}` : "New scenario"}</h1>
        {saved && <p className="muted">Share code {saved.code} · {statusText(saved, unsaved)}</p>}
      </div>
      <div className={styles.columns}>
        <form className={styles.form} onSubmit={(e) => e.preventDefault()} noValidate>
          <label className={styles.preset}>
            Start from a built-in
            <select
              value=""
              onChange={(e) => {
                const preset = builtInScenarios.find((s) => s.id === e.target.value);
                if (preset) setDraft(draftOf(preset));
              }}
            >
              <option value="">Choose a preset…</option>
              {builtInScenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>

          <fieldset>
            <legend>Scenario</legend>
            {field("name", "Name", <input id="f-name" value={draft.name} onChange={(e) => set("name", e.target.value)} aria-invalid={issuesAt(issues, "name").length > 0} aria-describedby="f-name-issues" />)}
            {field(
              "description",
              "Description",
              <textarea id="f-description" rows={3} value={draft.description} onChange={(e) => set("description", e.target.value)} aria-describedby="f-description-issues" />,
            )}
            {field(
              "kind",
              "Kind",
              <select id="f-kind" value={draft.kind} onChange={(e) => changeKind(e.target.value as ScenarioKind)} aria-describedby="f-kind-issues">
                {scenarioKinds.map((k) => (
                  <option key={k} value={k}>
                    {SCENARIO_KIND_LABELS[k]}
                  </option>
                ))}
              </select>,
            )}
            {number("durationMs", "Duration (ms)", "5000 to 60000", 1000)}
          </fieldset>

          <fieldset>
            <legend>Targets</legend>
            {number("targets.count", "Targets at once", undefined, 1)}
            {number("targets.radius", "Radius (world units)")}
            {number("targets.distance", "Distance (world units)")}
            {field(
              "targets.health.type",
              "Health",
              <select id={fieldId("targets.health.type")} value={health.type} onChange={(e) => set("targets.health", HEALTH_DEFAULTS[e.target.value as ScenarioHealth["type"]])} aria-describedby={`${fieldId("targets.health.type")}-issues`}>
                <option value="hits">hits (clicking)</option>
                <option value="time">time on target (tracking, switching)</option>
                <option value="invulnerable">never dies (tracking)</option>
              </select>,
            )}
            {health.type === "hits" && number("targets.health.hits", "Hits to kill", undefined, 1)}
            {health.type === "time" && number("targets.health.ms", "Time on target to kill (ms)", undefined, 1)}
          </fieldset>

          <fieldset>
            <legend>Spawn area</legend>
            <Issues path="spawn" issues={issues} />
            {number("spawn.centerYawDeg", "Centre yaw (°)")}
            {number("spawn.centerPitchDeg", "Centre pitch (°)")}
            {number("spawn.halfWidthDeg", "Half width (°)")}
            {number("spawn.halfHeightDeg", "Half height (°)")}
            {number("spawn.respawnDelayMs", "Respawn delay (ms)", undefined, 1)}
          </fieldset>

          <fieldset>
            <legend>Motion</legend>
            {field(
              "motion.type",
              "Motion",
              <select id={fieldId("motion.type")} value={motion.type} onChange={(e) => set("motion", MOTION_DEFAULTS[e.target.value as ScenarioMotion["type"]])} aria-describedby={`${fieldId("motion.type")}-issues`}>
                <option value="none">none</option>
                <option value="strafe">strafe (side to side)</option>
                <option value="smooth">smooth (sum of sines)</option>
              </select>,
            )}
            {motion.type === "strafe" && (
              <>
                {field(
                  "motion.pattern",
                  "Pattern",
                  <select id={fieldId("motion.pattern")} value={motion.pattern} onChange={(e) => set("motion.pattern", e.target.value)}>
                    <option value="bounce">bounce</option>
                    <option value="sine">sine</option>
                  </select>,
                )}
                {number("motion.speedDegPerSec", "Speed (°/s)")}
                {number("motion.amplitudeDeg", "Amplitude (°)")}
              </>
            )}
            {motion.type === "smooth" && (
              <>
                {number("motion.speedDegPerSec", "Speed (°/s)")}
                {number("motion.amplitudeYawDeg", "Yaw amplitude (°)")}
                {number("motion.amplitudePitchDeg", "Pitch amplitude (°)")}
                {number("motion.components", "Sines per axis", undefined, 1)}
              </>
            )}
          </fieldset>

          <fieldset>
            <legend>Scoring</legend>
            <Issues path="scoring" issues={issues} />
            {number("scoring.pointsPerHit", "Points per hit", undefined, 1)}
            {number("scoring.pointsPerKill", "Points per kill", undefined, 1)}
            {number("scoring.pointsPerMiss", "Points per miss (≤ 0)", undefined, 1)}
            {number("scoring.pointsPerSecondOnTarget", "Points per second on target", undefined, 1)}
            {number("scoring.accuracyExponent", "Accuracy exponent (0–3)", undefined, 1)}
            {field(
              "scoring.requireButtonHeld",
              "Button held to track",
              <input id={fieldId("scoring.requireButtonHeld")} type="checkbox" checked={draft.scoring.requireButtonHeld} onChange={(e) => set("scoring.requireButtonHeld", e.target.checked)} />,
            )}
          </fieldset>

          {unplaced.length > 0 && (
            <ul className={styles.issues} data-issues="">
              {unplaced.map((i) => (
                <li key={i.path + i.message}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
              ))}
            </ul>
          )}
          <p className={styles.buttons}>
            <button type="button" className="button secondary" disabled={!check.ok || save.state === "busy"} onClick={() => void act("save")}>
              Save draft
            </button>
            <button type="button" className="button" disabled={!check.ok || save.state === "busy"} onClick={() => void act("publish")}>
              {saved?.latest ? "Publish a new version" : "Publish"}
            </button>
            {!check.ok && <span className="muted">Fix the marked fields to save.</span>}
            {save.state === "saved" && (
              <span role="status" className={styles.ok}>
                {save.message}
              </span>
            )}
          </p>
          <ErrorNote message={save.state === "failed" ? save.message : null} />
          {saved?.latest && <ShareBox code={saved.code} />}
          {saved && (
            <p className="muted">
              <Link href={`/s/${saved.code}`}>Share page</Link>
            </p>
          )}
        </form>
        {previewed ? <Preview draft={previewed} stale={!check.ok} /> : <p className="muted">The preview starts once the draft is valid.</p>}
      </div>
    </section>
  );
}

function statusText(s: PlayerScenarioView, unsaved: boolean): string {
  const state = s.status === "draft" ? "not published yet" : s.status === "published" ? `published, version ${s.latest!.versionNumber}` : s.status;
  const changes = s.latest && (unsaved || s.unpublishedChanges) ? " · unpublished changes" : "";
  return state + changes;
}

/** Every field path the form shows a control for; issues on other paths are listed under the form. */
const FIELD_PATHS = new Set([
  "name",
  "description",
  "kind",
  "durationMs",
  "targets.count",
  "targets.radius",
  "targets.distance",
  "targets.health.type",
  "targets.health.hits",
  "targets.health.ms",
  "spawn",
  "spawn.centerYawDeg",
  "spawn.centerPitchDeg",
  "spawn.halfWidthDeg",
  "spawn.halfHeightDeg",
  "spawn.respawnDelayMs",
  "motion.type",
  "motion.pattern",
  "motion.speedDegPerSec",
  "motion.amplitudeDeg",
  "motion.amplitudeYawDeg",
  "motion.amplitudePitchDeg",
  "motion.components",
  "scoring",
  "scoring.pointsPerHit",
  "scoring.pointsPerKill",
  "scoring.pointsPerMiss",
  "scoring.pointsPerSecondOnTarget",
  "scoring.accuracyExponent",
  "scoring.requireButtonHeld",
]);

const fieldId = (path: string) => `f-${path.replaceAll(".", "-")}`;
const issuesAt = (issues: DraftIssue[], path: string) => issues.filter((i) => i.path === path);

/** A field's problems, announced beside it. */
function Issues({ path, issues }: { path: string; issues: DraftIssue[] }) {
  const here = issuesAt(issues, path);
  return (
    <span id={`${fieldId(path)}-issues`} className={styles.issue} aria-live="polite" data-issue-for={path}>
      {here.map((i) => i.message).join("; ")}
    </span>
  );
}

function Field({ path, label, hint, issues, children }: { path: string; label: string; hint?: string; issues: DraftIssue[]; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <label htmlFor={fieldId(path)}>
        {label}
        {hint && <span className="muted"> · {hint}</span>}
      </label>
      {children}
      <Issues path={path} issues={issues} />
    </div>
  );
}
