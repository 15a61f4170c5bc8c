/**
 * A player's own data: the download (JSON and CSV) and deleting the account. Over HTTP on the real
 * server: the export holds their runs; a deletion not confirmed by the handle changes nothing; a
 * confirmed one signs them out everywhere, takes them off the open boards and frees the handle. On a
 * database with a closed week (the use case itself): the frozen standings keep the place under a
 * placeholder name, unpaid prizes are forfeited and offered down past deleted players, the board
 * export shows the placeholder, and the audit entry names no handle.
 */
import { describe, expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import type { Standing } from "../../server/closes/standings";
import { currentChallenge } from "../../server/challenge/challenge";
import { InvalidInput } from "../../server/errors";
import { boardExport } from "../../server/exports/board";
import { deleteAccount } from "../../server/players/delete-account";
import { validateHandle } from "../../server/players/handles";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";
import { addVerifiedRun, DST_WEEK, useClosedWeek } from "../support/closes";
import { createPlayer } from "../support/boards";

const sprint = getScenario("gridshot-sprint")!;

describe("over HTTP", () => {
  const app = useAppServer();

  it("downloads the player's runs, refuses an unconfirmed deletion, and a confirmed one signs out, leaves the boards and frees the handle", async () => {
    const player = await app.api.player("del");
    const started = await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, player.token);
    const log = runHumanClicker(sprint, parseSeed(started.body.seed), TIERS.free, new Rng(7)).sim.log();
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.body.startedAt) + sprint.durationMs + 300 - Date.now())));
    const finished = await app.api.post(`/api/runs/${started.body.runId}/finish`, finishBody(log), player.token);
    expect(finished.body.run).toMatchObject({ verdict: "verified" });
    const board = async () => (await app.api.get(`/api/leaderboards/${sprint.id}?period=all&tier=all&limit=100`)).body.entries.map((e: any) => e.player.id);
    expect(await board()).toContain(player.id);

    const json = await fetch(`${app.server.url}/api/players/me/export`, { headers: { authorization: `Bearer ${player.token}` } });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toMatch(/^attachment; filename="flickboard-del[a-z0-9]+\.json"$/);
    const data = await json.json();
    expect(data.player).toMatchObject({ id: player.id, handle: player.handle, disqualifiedAt: null });
    expect(data.runs).toEqual([expect.objectContaining({ id: started.body.runId, verdict: "verified", score: finished.body.run.score, tier: "free" })]);
    expect(data.runs[0].result).toMatchObject({ score: finished.body.run.score });
    expect(data.sessions).toHaveLength(1);

    const csv = await fetch(`${app.server.url}/api/players/me/export?format=csv`, { headers: { authorization: `Bearer ${player.token}` } });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("run_id,scenario,scenario_version,tier,started_at,finished_at,verdict,reason,score,claimed_score,fps,kiosk_id");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${started.body.runId},${sprint.id},`);
    expect(lines[1]).toContain(`,verified,,${finished.body.run.score},`);
    expect((await app.api.get("/api/players/me/export?format=xml", player.token)).status).toBe(422);

    const refused = await app.api.call("DELETE", "/api/players/me", { body: { confirmHandle: "someone-else" }, token: player.token });
    expect(refused).toMatchObject({ status: 422, body: { error: { code: "confirmation_mismatch" } } });
    expect((await app.api.get("/api/players/me", player.token)).status).toBe(200);
    expect(await board()).toContain(player.id);

    const deleted = await app.api.call("DELETE", "/api/players/me", { body: { confirmHandle: player.handle.toUpperCase() }, token: player.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body.deleted).toMatchObject({ boards: expect.any(Number), closedStandings: 0, forfeited: 0 });
    expect(deleted.body.deleted.boards).toBeGreaterThanOrEqual(1);
    expect(deleted.headers.get("set-cookie")).toMatch(/^fb_session=;/);
    expect((await app.api.get("/api/players/me", player.token)).status).toBe(401);
    expect((await app.api.get("/api/players/me/export", player.token)).status).toBe(401);
    expect(await board()).not.toContain(player.id);
    // The handle is anyone's again.
    expect((await app.api.post("/api/players", { handle: player.handle })).status).toBe(201);
  });
});

describe("deleteAccount on a closed week", () => {
  const week = useClosedWeek();

  it("keeps the frozen place under a placeholder, forfeits the unpaid prize and offers it past deleted players, and audits without the handle", async () => {
    const { db, ranks, players } = week;
    const challenge = await currentChallenge(db);
    const now = new Date();
    // Ava (600, first in the closed week, a prize in review) also holds a place on the open boards.
    await addVerifiedRun(db, { playerId: players.Ava!, score: 700, finishedAt: now });
    await addVerifiedRun(db, { playerId: players.Ben!, score: 650, finishedAt: now });
    const session = await db.playerSession.create({ data: { playerId: players.Ava!, tokenHash: "h-ava", expiresAt: new Date(now.getTime() + 3600_000) } });

    await expect(deleteAccount(db, { ranks }, { player: { id: players.Ava!, handle: "Ava" }, confirmHandle: "Ben" })).rejects.toThrow(InvalidInput);
    expect(await db.player.findUniqueOrThrow({ where: { id: players.Ava! } })).toMatchObject({ handle: "Ava", deletedAt: null });

    // Eli (200) goes first: when Ava's place is offered down, Dee (no contact) and Eli (deleted) are passed over for Fay.
    await deleteAccount(db, { ranks }, { player: { id: players.Eli!, handle: "Eli" }, confirmHandle: "eli" });
    const entriesBefore = await db.boardEntry.count({ where: { playerId: players.Ava! } });
    const answer = await deleteAccount(db, { ranks }, { player: { id: players.Ava!, handle: "Ava" }, confirmHandle: " ava " });
    expect(answer).toMatchObject({ closedStandings: 1, forfeited: 1 });

    const ava = await db.player.findUniqueOrThrow({ where: { id: players.Ava! } });
    expect(ava).toMatchObject({ guest: false, settings: null, contactEmail: null, contactConsentAt: null, deletedAt: expect.any(Date) });
    expect(ava.handle).toMatch(/^deleted-[2-9a-z]{6}$/);
    expect(await db.playerSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ revokedAt: expect.any(Date) });

    // Open boards: Ava's entries are gone (Ben's stay); those left are on closed boards, the week's among them.
    const kept = await db.boardEntry.findMany({ where: { playerId: players.Ava! } });
    expect(answer.boards).toBe(entriesBefore - kept.length);
    expect(answer.boards).toBeGreaterThanOrEqual(3); // this week, the challenge, all time
    for (const e of kept) expect(await db.periodClose.count({ where: { scenarioId: e.scenarioId, periodKind: e.periodKind, periodKey: e.periodKey, tier: e.tier } })).toBe(1);
    expect(kept.map((e) => e.periodKey)).toContain(DST_WEEK.key);
    expect(await db.boardEntry.count({ where: { playerId: players.Ben!, achievedAt: now } })).toBeGreaterThanOrEqual(3);

    const close = await db.periodClose.findFirstOrThrow({ where: { periodKind: "week", periodKey: DST_WEEK.key } });
    const standings = close.standings as unknown as Standing[];
    expect(standings.map((s) => [s.rank, s.handle, s.score])).toEqual([
      [1, ava.handle, 600],
      [2, "Ben", 500],
      [3, "Cy", 400],
      [4, "Dee", 300],
      [5, expect.stringMatching(/^deleted-/), 200],
      [6, "Fay", 100],
    ]);

    const awards = await db.prizeAward.findMany({ where: { closeId: close.id, place: 1 }, orderBy: { offer: "asc" } });
    expect(awards.map((a) => [a.offer, a.playerId, a.status])).toEqual([
      [1, players.Ava, "forfeited"],
      [2, players.Fay, "review"],
    ]);
    const offered = await db.auditLog.findFirstOrThrow({ where: { action: "prize.offered", targetId: awards[1]!.id } });
    expect(offered).toMatchObject({ actorType: "player", actorId: players.Ava });
    expect((offered.details as { skipped: { reason: string }[] }).skipped.map((s) => s.reason)).toEqual(["no_contact", "account_deleted"]);

    const exported = await boardExport(db, ranks, challenge, { scenario: challenge.featuredScenarioId, period: "week", tier: "all", key: DST_WEEK.key }, now);
    const rows: unknown[][] = [];
    for await (const row of exported.rows) rows.push(row);
    expect(exported.source).toBe("frozen");
    expect(rows[0]!.slice(0, 3)).toEqual([1, ava.handle, players.Ava]);
    expect(JSON.stringify(rows)).not.toContain("Ava");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "player.deleted", targetId: players.Ava! } });
    expect(audit).toMatchObject({ actorType: "player", actorId: players.Ava });
    expect(JSON.stringify(audit.details)).not.toMatch(/Ava|ava@/);

    // Nobody may choose a placeholder handle, and the old one is free.
    expect(() => validateHandle(ava.handle)).toThrow(/kept for deleted accounts/);
    expect((await createPlayer(db, "Ava")).handle).toBe("Ava");
  });
});
