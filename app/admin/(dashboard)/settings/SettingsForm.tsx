"use client";

import { useState, type FormEvent } from "react";
import type { ChallengeSettingsAnswer, ChallengeSettingsBody } from "@/lib/contracts/admin-settings";
import { adminFetch } from "../admin-fetch";

/** The challenge settings form: saved whole with PUT /api/admin/settings; the server's answer shows the next closes. */
export function SettingsForm({ initial, scenarios }: { initial: ChallengeSettingsAnswer; scenarios: { id: string; name: string }[] }) {
  const [current, setCurrent] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const s = current.settings;
  const inZone = (iso: string) => new Date(iso).toLocaleString("en-US", { timeZone: s.timeZone, dateStyle: "medium", timeStyle: "short" });

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setError(null);
    setSaved(false);
    let prizeTable: unknown;
    try {
      prizeTable = JSON.parse(text("prizeTable"));
    } catch {
      return setError("prizeTable: not valid JSON");
    }
    const body: ChallengeSettingsBody = {
      name: text("name"),
      timeZone: text("timeZone"),
      startsAt: text("startsAt"),
      endsAt: text("endsAt"),
      weeklyCloseCron: text("weeklyCloseCron"),
      dailyCloseCron: text("dailyCloseCron"),
      featuredScenarioId: text("featuredScenarioId"),
      eventDays: text("eventDays").split(/[\s,]+/).filter(Boolean),
      prizeTable,
    };
    setBusy(true);
    const res = await adminFetch<ChallengeSettingsAnswer>("PUT", "/api/admin/settings", body);
    setBusy(false);
    if (!res.ok) return setError(res.message);
    setCurrent(res.body);
    setSaved(true);
  }

  return (
    <form className="admin-form admin-settings" onSubmit={save} aria-label="Challenge settings" key={s.updatedAt}>
      <label>
        Name
        <input name="name" defaultValue={s.name} required />
      </label>
      <label>
        Time zone (IANA)
        <input name="timeZone" defaultValue={s.timeZone} required />
      </label>
      <label>
        Starts at (ISO instant)
        <input name="startsAt" defaultValue={s.startsAt} required />
      </label>
      <label>
        Ends at (ISO instant)
        <input name="endsAt" defaultValue={s.endsAt} required />
      </label>
      <label>
        Weekly close (cron, in the time zone)
        <input name="weeklyCloseCron" defaultValue={s.weeklyCloseCron} required />
      </label>
      <label>
        Daily close (cron, in the time zone)
        <input name="dailyCloseCron" defaultValue={s.dailyCloseCron} required />
      </label>
      <label>
        Featured scenario
        <select name="featuredScenarioId" defaultValue={s.featuredScenarioId}>
          {scenarios.map((sc) => (
            <option key={sc.id} value={sc.id}>
              {sc.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Event days (YYYY-MM-DD, separated by spaces or commas)
        <input name="eventDays" defaultValue={s.eventDays.join(", ")} />
      </label>
      <label>
        Prize table (JSON, docs/closes.md)
        <textarea name="prizeTable" defaultValue={JSON.stringify(s.prizeTable, null, 2)} spellCheck={false} />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="settings-error">
          {error}
        </p>
      )}
      {saved && (
        <p role="status" data-testid="settings-saved">
          Saved.
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        Save settings
      </button>
      <div data-testid="upcoming-closes">
        <h3>Next closes ({s.timeZone})</h3>
        <p>Weekly: {current.upcoming.weekly.map(inZone).join(" · ")}</p>
        <p>Daily: {current.upcoming.daily.map(inZone).join(" · ")}</p>
        <p>Challenge: {current.upcoming.challengeEnd ? inZone(current.upcoming.challengeEnd) : "ended"}</p>
      </div>
    </form>
  );
}
