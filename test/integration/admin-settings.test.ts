/**
 * The challenge settings through the admin API of the real server: the next closes of each
 * schedule; bad values (zone, schedule, prize table, scenarios) answered 400 with the field, changing
 * nothing; changes that would move a period already played refused; a good change audited and used
 * at once: by this instance's reads, by a second instance on the same database within the version
 * check, and by the next close (its scheduler job rebuilt on the new end, its prize the new one).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CACHE_MS } from "../../server/challenge/challenge";
import { runDueCloses } from "../../server/closes/run";
import { createDb } from "../../server/db/client";
import { addAdmin, adminSession, signedInCaller } from "../support/admin";
import { useAppServer } from "../support/app";
import { addPlayer, addVerifiedRun, challengeDb, closedWeekWithWinners, DAY, HOUR, WEEKS_ONLY } from "../support/closes";
import { startAppServer, seededSqliteUrl, type AppServer } from "../support/server";

const playedUrl = seededSqliteUrl();
beforeAll(async () => {
  const db = await challengeDb(playedUrl, WEEKS_ONLY);
  try {
    await closedWeekWithWinners(db);
    // The later weeks too, so the server has nothing to close at start (its writes never meet this process's).
    await runDueCloses(db, { now: new Date() });
  } finally {
    await db.$disconnect();
  }
}, 120_000);
const app = useAppServer({ DATABASE_URL: playedUrl });

async function auditCount(databaseUrl: string) {
  const db = createDb(databaseUrl);
  try {
    return await db.auditLog.count({ where: { action: "challenge.settings_changed" } });
  } finally {
    await db.$disconnect();
  }
}

const local = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));

describe("challenge settings (a challenge under way, one week closed)", () => {
  let call: Awaited<ReturnType<typeof signedInCaller>>;
  beforeAll(async () => {
    call = await signedInCaller(app.server.url, app.databaseUrl, "admin");
  });

  it("answers the settings and the next three instants of each close schedule", async () => {
    const res = await call("GET", "/api/admin/settings");
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ id: "ultimate-challenge", timeZone: "America/Chicago", weeklyCloseCron: "0 0 * * 4", startsAt: "2026-10-22T05:00:00.000Z" });
    const { weekly, daily, challengeEnd } = res.body.upcoming;
    expect(weekly.map(local)).toEqual(["Thu 00:00", "Thu 00:00", "Thu 00:00"]);
    expect(daily.map(local).map((s: string) => s.slice(4))).toEqual(["00:00", "00:00", "00:00"]);
    expect(new Date(weekly[0]).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(weekly[1]).getTime() - new Date(weekly[0]).getTime()).toBeGreaterThanOrEqual(7 * DAY - HOUR);
    expect(challengeEnd).toBe(res.body.settings.endsAt);
  });

  it("refuses bad values with 400 and the field's message, changing nothing", async () => {
    const { settings } = (await call("GET", "/api/admin/settings")).body;
    const { id: _, updatedAt: __, ...body } = settings;
    const audits = await auditCount(app.databaseUrl);
    const cases: [object, string][] = [
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone: "],
      [{ timeZone: "+05:00" }, "timeZone: "],
      [{ weeklyCloseCron: "0 0 * * 9" }, "weeklyCloseCron: "],
      [{ dailyCloseCron: "every day" }, "dailyCloseCron: "],
      [{ endsAt: "2026-10-01T00:00:00Z" }, "endsAt: must be after startsAt"],
      [{ prizeTable: { boards: [], prizes: { week: [{ place: 1, prize: "A" }, { place: 1, prize: "B" }] } } }, "prizeTable: "],
      [{ prizeTable: { boards: [{ scenario: "no-such-drill", tier: "all", periods: ["week"] }], prizes: {} } }, 'prizeTable: no scenario "no-such-drill"'],
      [{ eventDays: ["2026-13-01"] }, "eventDays: "],
      [{ featuredScenarioId: "no-such-drill" }, "featuredScenarioId: "],
    ];
    for (const [change, message] of cases) {
      const res = await call("PUT", "/api/admin/settings", { ...body, ...change });
      expect(res, JSON.stringify(change)).toMatchObject({ status: 400, body: { error: { code: "invalid_settings", message: expect.stringContaining(message) } } });
    }
    expect(await call("PUT", "/api/admin/settings", { ...body, startsAt: "yesterday" })).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining("startsAt") } } });
    expect((await call("GET", "/api/admin/settings")).body.settings).toEqual(settings);
    expect(await auditCount(app.databaseUrl)).toBe(audits);
  });

  it("refuses a change that would move a period already played or closed", async () => {
    const { settings } = (await call("GET", "/api/admin/settings")).body;
    const { id: _, updatedAt: __, ...body } = settings;
    const past = new Date(Date.now() - 2 * DAY).toISOString();
    const withDays = (eventDays: string[]) => ({ eventDays, prizeTable: { ...body.prizeTable, boards: [{ scenario: "featured", tier: "all", periods: ["week", "day"] }], prizes: { ...body.prizeTable.prizes, day: [{ place: 1, prize: "Cap" }] } } });
    const cases: [object, string][] = [
      [{ timeZone: "Europe/Berlin" }, "timeZone: cannot change once the challenge has started"],
      [{ startsAt: "2026-10-15T05:00:00.000Z" }, "startsAt: cannot change"],
      [{ weeklyCloseCron: "0 0 * * 1" }, "weeklyCloseCron: would move the week"],
      [{ endsAt: past }, "endsAt: must be in the future"],
      [withDays([past.slice(0, 10)]), "schedule: would add"],
      [{ featuredScenarioId: "gridshot-sprint" }, "schedule: would"],
    ];
    for (const [change, message] of cases) {
      const res = await call("PUT", "/api/admin/settings", { ...body, ...change });
      expect(res, JSON.stringify(change)).toMatchObject({ status: 400, body: { error: { code: "invalid_settings", message: expect.stringContaining(message) } } });
    }
    expect((await call("GET", "/api/admin/settings")).body.settings).toEqual(settings);
    // A day board on a coming day is fine: nothing played moves.
    const ok = await call("PUT", "/api/admin/settings", { ...body, ...withDays([new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10)]) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it("a good change is audited and read at once here, and by another instance on the same database within the version check", async () => {
    const other: AppServer = await startAppServer({ DATABASE_URL: app.databaseUrl });
    try {
      const board = (base: string) => fetch(`${base}/api/leaderboards/gridshot?period=challenge`).then(async (r) => (await r.json()).board.endsAt);
      const { settings } = (await call("GET", "/api/admin/settings")).body;
      expect(await board(other.url)).toBe(settings.endsAt); // cached there now
      const { id: _, updatedAt: __, ...body } = settings;
      const endsAt = new Date(new Date(settings.endsAt).getTime() + 7 * DAY).toISOString();
      const audits = await auditCount(app.databaseUrl);
      const saved = await call("PUT", "/api/admin/settings", { ...body, endsAt, name: "Winter Flick" });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.settings).toMatchObject({ endsAt, name: "Winter Flick" });
      const changedAt = Date.now();
      expect(await board(app.server.url)).toBe(endsAt);
      await expect.poll(() => board(other.url), { timeout: 5000, interval: 100 }).toBe(endsAt);
      expect(Date.now() - changedAt).toBeLessThan(CACHE_MS);

      const db = createDb(app.databaseUrl);
      try {
        const entry = await db.auditLog.findFirstOrThrow({ where: { action: "challenge.settings_changed" }, orderBy: { id: "desc" } });
        expect(entry).toMatchObject({ actorType: "admin", targetType: "challenge", targetId: "ultimate-challenge", details: { name: { from: settings.name, to: "Winter Flick" }, endsAt: { from: settings.endsAt, to: endsAt } } });
        expect(Object.keys(entry.details as object).sort()).toEqual(["endsAt", "name"]);
      } finally {
        await db.$disconnect();
      }
      expect(await auditCount(app.databaseUrl)).toBe(audits + 1);
      // The same settings again change nothing and write no entry.
      expect((await call("PUT", "/api/admin/settings", { ...body, endsAt, name: "Winter Flick" })).status).toBe(200);
      expect(await auditCount(app.databaseUrl)).toBe(audits + 1);
    } finally {
      await other.stop();
    }
  }, 90_000);

  it("lists, creates and revokes membership codes: the code shown once works until revoked; audited", async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY).toISOString();
    const made = await call("POST", "/api/admin/membership-codes", { label: "Hall B trial", days: 14, maxUses: 2, expiresAt });
    expect(made).toMatchObject({ status: 201, body: { code: expect.stringMatching(/^FB-/), row: { label: "Hall B trial", days: 14, maxUses: 2, uses: 0, expiresAt, revokedAt: null } } });
    const { code, row } = made.body;
    expect(row.hint).toBe(code.slice(-4));
    expect((await call("GET", "/api/admin/membership-codes")).body.codes).toContainEqual(row);

    const first = await app.api.player("cd");
    expect((await app.api.post("/api/players/me/membership", { code }, first.token)).status).toBe(200);
    expect((await call("POST", `/api/admin/membership-codes/${row.id}/revoke`)).status).toBe(204);
    const second = await app.api.player("cd");
    expect(await app.api.post("/api/players/me/membership", { code }, second.token)).toMatchObject({ status: 404, body: { error: { code: "code_not_found" } } });
    expect((await call("GET", "/api/admin/membership-codes")).body.codes.find((c: any) => c.id === row.id)).toMatchObject({ uses: 1, revokedAt: expect.any(String) });
    expect((await app.api.get("/api/players/me/membership", first.token)).body.membership.tier).toBe("ultimate");

    expect(await call("POST", "/api/admin/membership-codes", { label: "Old", days: 14, maxUses: 2, expiresAt: "2020-01-01T00:00:00Z" })).toMatchObject({ status: 422, body: { error: { message: "expiresAt: must be in the future" } } });
    expect(await call("POST", "/api/admin/membership-codes", { label: "", days: 14, maxUses: 2, expiresAt })).toMatchObject({ status: 422 });
    expect(await call("POST", "/api/admin/membership-codes/nope/revoke")).toMatchObject({ status: 404, body: { error: { code: "code_not_found" } } });

    const db = createDb(app.databaseUrl);
    try {
      const entries = await db.auditLog.findMany({ where: { targetType: "membership_code", targetId: row.id }, orderBy: { id: "asc" } });
      expect(entries.map((e) => [e.action, e.actorType])).toEqual([
        ["membership_code.created", "admin"],
        ["membership_code.revoked", "admin"],
      ]);
    } finally {
      await db.$disconnect();
    }
  });

  it("is for admins only: staff and players are refused", async () => {
    const staff = await signedInCaller(app.server.url, app.databaseUrl, "staff");
    expect(await staff("GET", "/api/admin/settings")).toMatchObject({ status: 403, body: { error: { code: "admin_role_required" } } });
    expect(await staff("GET", "/api/admin/membership-codes")).toMatchObject({ status: 403, body: { error: { code: "admin_role_required" } } });
    const player = await app.api.player("sp");
    expect((await app.api.get("/api/admin/settings", player.token)).status).toBe(403);
    // The pages: staff may open the overview and the kiosks, not the settings.
    const staffToken = await adminSession(app.server.url, await addAdmin(app.databaseUrl, { role: "staff" }));
    const page = (path: string) => fetch(`${app.server.url}${path}`, { headers: { cookie: `fb_admin=${staffToken}` }, redirect: "manual" }).then((r) => r.status);
    expect([await page("/admin"), await page("/admin/kiosks"), await page("/admin/settings")]).toEqual([200, 200, 403]);
  });
});

const endingUrl = seededSqliteUrl();
let endsAt: Date;
beforeAll(async () => {
  endsAt = new Date(Date.now() + 10 * 60_000);
  const db = await challengeDb(endingUrl, {
    startsAt: new Date(Date.now() - 10 * DAY),
    endsAt,
    eventDays: [],
    prizeTable: { boards: [{ scenario: "featured", tier: "all", periods: ["challenge"] }], prizes: { challenge: [{ place: 1, prize: "Old prize", needsContact: true }] } },
  });
  try {
    const ava = await addPlayer(db, "Ava");
    await addVerifiedRun(db, { playerId: ava.id, score: 500, finishedAt: new Date(Date.now() - HOUR) });
  } finally {
    await db.$disconnect();
  }
}, 120_000);
const ending = useAppServer({ DATABASE_URL: endingUrl });

describe("the next close uses the new settings", () => {
  it("a challenge moved to end in seconds, with a new prize, is closed then by the rebuilt scheduler, with the new prize", async () => {
    const call = await signedInCaller(ending.server.url, ending.databaseUrl, "admin");
    const { settings } = (await call("GET", "/api/admin/settings")).body;
    const { id: _, updatedAt: __, ...body } = settings;
    const soon = new Date(Date.now() + 8000).toISOString();
    const prizeTable = { ...body.prizeTable, prizes: { challenge: [{ place: 1, prize: "New prize", needsContact: true }] } };
    const saved = await call("PUT", "/api/admin/settings", { ...body, endsAt: soon, prizeTable });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.upcoming.challengeEnd).toBe(soon);

    const db = createDb(ending.databaseUrl);
    try {
      await expect
        .poll(() => db.prizeAward.findMany({ select: { prize: true, place: true } }), { timeout: 60_000, interval: 500 })
        .toEqual([{ prize: "New prize", place: 1 }]);
      const close = await db.periodClose.findFirstOrThrow();
      expect(close).toMatchObject({ periodKind: "challenge", endsAt: new Date(soon) });
      expect(close.closedAt.getTime()).toBeLessThan(endsAt.getTime() - 60_000);
    } finally {
      await db.$disconnect();
    }
  }, 90_000);
});
