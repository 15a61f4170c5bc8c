/**
 * Fuzzing the API of a real server (SQLite): at least 10,000 requests from a seeded generator across
 * every route the app defines (read from app/api, so a new route is covered without editing this
 * test) and every method. No answer may be a 5xx; every error under /api is JSON
 * `{ error: { code, message } }`; the server is healthy afterwards; and the database changed only as
 * the requests that were answered with success (or with a verdict) say it did.
 *
 * The seed is printed; FUZZ_SEED=<seed> replays a run, FUZZ_SEED=random tries a new one. Each failure
 * names its request.
 */
import { expect, it } from "vitest";
import { parseSeed, Rng, TIERS, type TierName } from "../../game/core";
import { createDb, type Db } from "../../server/db/client";
import { apiClient, finishBody } from "../support/api";
import { runHumanClicker } from "../support/bots";
import { addPlayer, addVerifiedRun, challengeDb, DAY, HOUR } from "../support/closes";
import { snapshotTables, tableChanges, type Row, type TableChanges } from "../support/db-snapshot";
import { describeRequest, fuzzRequests, type FuzzRequest, type FuzzWorld } from "../support/fuzz";
import { createTestCode, redeemCode } from "../support/memberships";
import { inParallel, rawClient, type RawAnswer } from "../support/raw-http";
import { apiRoutes } from "../support/routes";
import { storeShortScenario } from "../support/scenarios";
import { startAppServer, seededSqliteUrl } from "../support/server";

const REQUESTS = 10_000;
const CONCURRENCY = 16;
/** The suite replays one fixed seed (a red build must mean a change broke something); FUZZ_SEED=random explores new ones. */
const SEED =
  process.env.FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 924548812;
const CRON_SECRET = "fuzz-cron-secret-0123456789";

interface Outcome {
  req: FuzzRequest;
  answer: RawAnswer | null;
  /** The answer's body as JSON, if it is JSON. */
  json: any;
  error?: string;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

const isApiError = (json: any) =>
  json !== null && typeof json === "object" && typeof json.error?.code === "string" && typeof json.error?.message === "string";

/** Whether the request lands under /api once `.` and `..` segments are resolved. */
function underApi(path: string): boolean {
  const resolved = new URL(path, "http://x").pathname;
  return resolved === "/api" || resolved.startsWith("/api/");
}

/** What is wrong with an outcome, or null: no answer, a 5xx, or an /api error that is not JSON. */
function problemOf({ req, answer, json, error }: Outcome): string | null {
  if (!answer) return `no answer (${error})`;
  if (answer.status >= 500) return `${answer.status} ${answer.headers["content-type"] ?? "(no content type)"}`;
  if (answer.status < 400 || req.method === "HEAD" || !underApi(req.path)) return null;
  const type = answer.headers["content-type"] ?? "";
  if (!/^application\/json\b/.test(type)) return `${answer.status} error with content type ${type || "(none)"}`;
  if (!isApiError(json)) return `${answer.status} error body not {error:{code,message}}`;
  return null;
}

/** The failures grouped by what went wrong and on which route, with the methods and one request that shows it. */
function groupProblems(outcomes: Outcome[]): string[] {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const problem = problemOf(o);
    if (!problem) continue;
    const key = `${problem} on ${o.req.route}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  return [...groups].map(([key, list]) => {
    const methods = new Map<string, number>();
    for (const o of list) methods.set(o.req.method, (methods.get(o.req.method) ?? 0) + 1);
    const byMethod = [...methods].map(([m, n]) => `${m} ${n}`).join(", ");
    return `${list.length}x ${key} (${byMethod}), e.g. ${describeRequest(list[0]!.req)}`;
  });
}

/**
 * A database with a challenge that has not started (so no close runs during the test), boards to
 * page through and a membership code to redeem.
 */
async function prepareDatabase(url: string) {
  const db = await challengeDb(url, { startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 40 * DAY), eventDays: [] });
  const scenario = await storeShortScenario(db);
  const finishedRuns: string[] = [];
  for (let i = 0; i < 12; i++) {
    const player = await addPlayer(db, `board${i}`);
    finishedRuns.push(await addVerifiedRun(db, { playerId: player.id, score: 5000 - i * 100, finishedAt: new Date(Date.now() - HOUR - i * 60_000), scenarioId: "gridshot" }));
  }
  return { db, scenario, finishedRuns, membershipCode: await createTestCode(db, "fuzz") };
}

/** Every row added, changed or removed that no successful (or verdict-bearing) answer accounts for. */
function unaccounted(changes: TableChanges[], outcomes: Outcome[], tokenOwner: Map<string, string>): string[] {
  const signedUp = new Set<string>();
  const started = new Set<string>();
  const verdicts = new Map<string, any>(); // run id -> the first verdict answer
  const abandoned = new Set<string>();
  let redemptions = 0;
  const involved = new Set<string>();
  for (const { req, answer, json: body } of outcomes) {
    if (!answer) continue;
    const json = body !== null && typeof body === "object" ? (body as any) : {};
    if (json.run?.id && json.run?.verdict) {
      if (!verdicts.has(json.run.id)) verdicts.set(json.run.id, json);
      involved.add(json.run.id);
    }
    if (answer.status < 200 || answer.status > 299) continue;
    if (answer.status === 201 && json.player?.id && json.token) signedUp.add(json.player.id);
    if (answer.status === 201 && json.runId) started.add(json.runId);
    for (const id of [json.player?.id, json.runId]) if (id) involved.add(id);
    // Passkey options hand out a WebAuthn challenge, stored (AuthChallenge) for the answer to come back.
    if (typeof json.options?.challenge === "string") involved.add(json.options.challenge);
    // Answers without a body (204): an abandon names its run in the path; a sign-out has its token.
    const path = new URL(req.path, "http://x").pathname;
    const abandon = req.method === "POST" ? /^\/api\/runs\/([^/]+)\/abandon$/.exec(path)?.[1] : undefined;
    if (abandon) abandoned.add(decodeURIComponent(abandon));
    if (req.method === "POST" && path === "/api/players/me/membership" && json.membership) redemptions++;
    // Whose token the request carried, however it was spelled: the server may accept spellings the
    // generator meant as bad ones (a lower-case "bearer", a quoted cookie, a repeated cookie).
    const credentials = `${req.headers.authorization ?? ""} ${req.headers.cookie ?? ""}`;
    for (const [token, owner] of tokenOwner) if (credentials.includes(token)) involved.add(owner);
  }
  const verified = new Set([...verdicts].filter(([, v]) => v.run.verdict === "verified").map(([id]) => id));
  const mentionsInvolved = (row: Row) => {
    const text = JSON.stringify(row);
    for (const id of involved) if (text.includes(`"${id}"`)) return true;
    return false;
  };
  const problems: string[] = [];
  const report = (table: string, what: string, row: Row) => problems.push(`${table} ${what}: ${JSON.stringify(row).slice(0, 300)}`);
  for (const { table, added, changed, removed } of changes) {
    if (table === "Player") {
      for (const row of added) if (!signedUp.has(row.id as string)) report(table, "added without a 201 sign-up", row);
      for (const { after } of changed) if (!involved.has(after.id as string)) report(table, "changed without a 2xx of its player", after);
      for (const row of removed) report(table, "removed", row);
    } else if (table === "Run") {
      for (const row of added) if (!started.has(row.id as string)) report(table, "added without a 201 run start", row);
      for (const { after } of changed) {
        if (abandoned.has(after.id as string) ? after.verdict !== "abandoned" : !verdicts.has(after.id as string)) report(table, "changed without a verdict answer or an abandon", after);
      }
      for (const row of removed) report(table, "removed", row);
    } else if (table === "BoardEntry") {
      for (const row of [...added, ...changed.map((c) => c.after)]) if (!verified.has(row.runId as string)) report(table, "written without a verified answer", row);
      for (const row of removed) report(table, "removed", row);
    } else if (table === "MembershipCode") {
      // Each redemption takes one use of the code, whose row names no player.
      const uses = changed.reduce((n, { before, after }) => n + Number(after.uses) - Number(before.uses), 0);
      if (uses !== redemptions || added.length || removed.length) problems.push(`${table}: ${uses} uses taken, ${redemptions} redemptions answered 2xx; ${added.length} added, ${removed.length} removed`);
    } else {
      for (const row of [...added, ...changed.map((c) => c.after), ...removed]) if (!mentionsInvolved(row)) report(table, "changed with no 2xx answer about it", row);
    }
  }
  for (const id of signedUp) if (!changes.find((c) => c.table === "Player")?.added.some((r) => r.id === id)) problems.push(`sign-up ${id} answered 201 but not stored`);
  for (const id of started) if (!changes.find((c) => c.table === "Run")?.added.some((r) => r.id === id)) problems.push(`run start ${id} answered 201 but not stored`);
  const runsAfter = new Map((changes.find((c) => c.table === "Run")?.changed ?? []).map((c) => [c.after.id as string, c.after]));
  for (const [id, answer] of verdicts) {
    const row = runsAfter.get(id) ?? changes.find((c) => c.table === "Run")?.added.find((r) => r.id === id);
    if (!row || row.verdict !== answer.run.verdict) problems.push(`run ${id} answered "${answer.run.verdict}" but is stored as ${JSON.stringify(row?.verdict)}`);
  }
  return problems;
}

it(`survives ${REQUESTS} fuzzed requests across every API route and method`, async () => {
  console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  const url = seededSqliteUrl();
  const { db: setupDb, scenario, finishedRuns, membershipCode } = await prepareDatabase(url);
  await setupDb.$disconnect();
  // Behind one proxy hop: X-Forwarded-For gives each request its client address.
  const server = await startAppServer({ DATABASE_URL: url, CRON_SECRET, TRUST_PROXY: "1", RUN_RATE_PER_PLAYER: "200" });
  const db: Db = createDb(url);
  const raw = rawClient(server.url, CONCURRENCY);
  try {
    const api = apiClient(server.url);
    // Players, every other one an Ultimate member by the code, each with a run of the 3-second
    // scenario and the finish that verifies it, and another open run to abandon. Others only to be
    // signed out.
    const headersOf = (i: number) => ({ "x-forwarded-for": `198.19.0.${i + 1}` });
    const tierOf = (i: number): TierName => (i % 2 ? "ultimate" : "free");
    const players = await Promise.all(Array.from({ length: 16 }, (_, i) => api.player("fuzzer", headersOf(i))));
    const expendable = await Promise.all(Array.from({ length: 16 }, (_, i) => api.player("spare", headersOf(100 + i))));
    await Promise.all(players.map((player, i) => (tierOf(i) === "ultimate" ? redeemCode(api, player.token, membershipCode, headersOf(i)) : null)));
    const startRun = async (i: number) => {
      const start = await api.call("POST", "/api/runs", { body: { scenario: scenario.id, tier: tierOf(i) }, token: players[i]!.token, headers: headersOf(i) });
      expect(start.status, JSON.stringify(start.body)).toBe(201);
      return start.body as { runId: string; seed: string; startedAt: string };
    };
    const played = await Promise.all(
      players.map(async (player, i) => {
        const [start, spare] = await Promise.all([startRun(i), startRun(i)]);
        const log = runHumanClicker(scenario, parseSeed(start.seed), TIERS[tierOf(i)], new Rng(i)).sim.log();
        const finish = finishBody(log, TIERS[tierOf(i)], { idempotencyKey: `fuzz-${i}-key` });
        return { player, runId: start.runId, startedAt: Date.parse(start.startedAt), finish, spareRunId: spare.runId };
      }),
    );
    // Real cursors, board keys and period keys to start from.
    const cursors: string[] = [];
    const boardKeys: string[] = [];
    for (const query of ["period=all", "period=week", "period=day", "period=all&tier=free"]) {
      const page = await api.get(`/api/leaderboards/gridshot?${query}&limit=3`);
      expect(page.body.nextCursor).toEqual(expect.any(String));
      cursors.push(page.body.nextCursor);
      const b = page.body.board;
      boardKeys.push(`${b.scenario}|${b.period}|${b.key}|${b.tier}`);
    }
    const periodKeys = (await Promise.all(["day", "week"].map((p) => api.get(`/api/leaderboards/gridshot/periods?period=${p}`)))).flatMap((r) =>
      r.body.periods.slice(0, 3).map((p: { key: string }) => p.key),
    );
    const world: FuzzWorld = {
      routes: apiRoutes(),
      origin: server.url,
      players: played.map((p) => ({ id: p.player.id, token: p.player.token })),
      expendable: expendable.map((p) => ({ id: p.id, token: p.token })),
      scenarioIds: ["gridshot", "gridshot-sprint", scenario.id],
      runIds: [...played.flatMap((p) => [p.runId, p.spareRunId]), ...finishedRuns],
      playable: played.map((p) => ({ runId: p.runId, token: p.player.token, finish: p.finish })),
      abandonable: played.map((p) => ({ runId: p.spareRunId, token: p.player.token })),
      membershipCode,
      cursors,
      boardKeys,
      periodKeys: [...periodKeys, "ultimate-challenge"],
      cronSecret: CRON_SECRET,
    };
    const tokenOwner = new Map([...world.players, ...world.expendable].map((p) => [p.token, p.id]));
    const requests = fuzzRequests(world, SEED, REQUESTS);
    const lastStart = Math.max(...played.map((p) => p.startedAt));
    await new Promise((r) => setTimeout(r, Math.max(0, lastStart + scenario.durationMs + 250 - Date.now())));

    const before = await snapshotTables(db);
    const t0 = performance.now();
    const outcomes = await inParallel(requests, CONCURRENCY, async (req): Promise<Outcome> => {
      try {
        const answer = await raw.send(req);
        return { req, answer, json: parseJson(answer.body) };
      } catch (err) {
        return { req, answer: null, json: undefined, error: (err as Error).message };
      }
    });
    const seconds = (performance.now() - t0) / 1000;
    const after = await snapshotTables(db);
    const statuses = new Map<number, number>();
    for (const o of outcomes) if (o.answer) statuses.set(o.answer.status, (statuses.get(o.answer.status) ?? 0) + 1);
    console.log(
      `fuzz: ${REQUESTS} requests to ${world.routes.length} routes in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );

    expect.soft(groupProblems(outcomes), `seed ${SEED}: requests answered 5xx, not at all, or with a non-JSON /api error`).toEqual([]);

    // Still healthy: the health check, and a sign-up and a run start from a new client.
    expect((await api.get("/api/health")).status).toBe(200);
    const headers = { "x-forwarded-for": "198.19.255.254" };
    const fresh = await api.player("after", headers);
    const start = await api.call("POST", "/api/runs", { body: { scenario: "gridshot", tier: "free" }, token: fresh.token, headers });
    expect(start.status).toBe(201);

    // The fuzz's own traffic must have done some real work too.
    const signUps = outcomes.filter((o) => o.answer?.status === 201 && o.json?.token).length;
    const verified = outcomes.filter((o) => o.answer?.status === 200 && o.json?.run?.verdict === "verified").length;
    const done = (kind: string, status: number) => outcomes.filter((o) => o.req.kind === kind && o.answer?.status === status).length;
    const [abandons, redemptions, signOuts] = [done("abandon", 204), done("code redemption", 200), done("sign-out", 204)];
    expect
      .soft(
        [signUps > 50, verified > 0, abandons > 0, redemptions > 0, signOuts > 0],
        `well-formed requests: ${signUps} sign-ups, ${verified} verified finishes, ${abandons} abandons, ${redemptions} code redemptions, ${signOuts} sign-outs`,
      )
      .toEqual([true, true, true, true, true]);
    expect.soft(unaccounted(tableChanges(before, after), outcomes, tokenOwner), `seed ${SEED}: database changes no answer accounts for`).toEqual([]);
  } finally {
    raw.close();
    await db.$disconnect();
    await server.stop();
  }
}, 600_000);
