/**
 * The finish answered in front of Next's router (server/api/in-front.ts) answers exactly as the
 * route file does (app/api/runs/[runId]/finish/route.ts): the same status, body and headers, for a
 * verified run, its repeat, and each kind of refusal. The route is reached with a query string,
 * which the fast path leaves to Next (and the route ignores). Next marks what its router answers
 * with `Vary: rsc, ...`, which tells the two apart. (Next also compresses what it answers for clients
 * that ask; the fast path, like the fast reads, leaves that to the proxy: these requests do not ask.)
 */
import http from "node:http";
import { expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { createDb } from "../../server/db/client";
import { hashToken, TOUCH_INTERVAL_MS } from "../../server/players/session";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;

/** Headers that are about the connection or the moment, or that Next's router adds (`vary`), not about the answer. */
const NOT_COMPARED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "vary", "content-security-policy"]);

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
  routedByNext: boolean;
}

/** A POST with Node's client, which asks for no compression. */
function send(path: string, init: { token?: string; body?: string; headers?: Record<string, string> }): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json", ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
  const { hostname, port } = new URL(app.server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method: "POST", path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const compared = Object.entries(res.headers).filter(([name]) => !NOT_COMPARED.has(name));
        resolve({
          status: res.statusCode!,
          body: text,
          headers: Object.fromEntries(compared.map(([name, value]) => [name, String(value)])),
          routedByNext: /\brsc\b/.test(String(res.headers.vary ?? "")),
        });
      });
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** The same finish request, once to the fast path and once to Next's route. */
async function bothWays(runId: string, init: Parameters<typeof send>[1]) {
  const fast = await send(`/api/runs/${runId}/finish`, init);
  const route = await send(`/api/runs/${runId}/finish?via=next`, init);
  expect([fast.routedByNext, route.routedByNext]).toEqual([false, true]);
  return { fast, route };
}

async function started(token: string) {
  const res = await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, token);
  expect(res.status).toBe(201);
  return res.body as { runId: string; seed: string; startedAt: string };
}

it("answers refusals as the route does: 400, 401, 403, 404, 413, 415, 422, 410", async () => {
  const player = await app.api.player("ff");
  const other = await app.api.player("fo");
  const run = await started(player.token);
  const body = JSON.stringify(finishBody(runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(1)).sim.log()));
  const cases: [string, number, Parameters<typeof send>[1]][] = [
    ["invalid_json", 400, { token: player.token, body: "{" }],
    ["validation_failed", 422, { token: player.token, body: JSON.stringify({ log: 5 }) }],
    ["unauthenticated", 401, { body }],
    ["run_not_yours", 403, { token: other.token, body }],
    ["cross_origin", 403, { token: player.token, body, headers: { origin: "https://elsewhere.example" } }],
    ["unsupported_media_type", 415, { token: player.token, body, headers: { "content-type": "text/plain" } }],
    ["payload_too_large", 413, { token: player.token, body: JSON.stringify({ log: "A".repeat(1100 * 1024) }) }],
  ];
  for (const [code, status, init] of cases) {
    const { fast, route } = await bothWays(run.runId, init);
    expect(fast, code).toEqual({ ...route, routedByNext: false });
    expect([fast.status, JSON.parse(fast.body).error.code]).toEqual([status, code]);
  }
  const unknown = await bothWays("no-such-run", { token: player.token, body });
  expect(unknown.fast).toEqual({ ...unknown.route, routedByNext: false });
  expect(unknown.fast.status).toBe(404);

  // A late finish is a verdict stored on the run: the route's answer repeats the fast path's.
  const db = createDb(app.databaseUrl);
  await db.run.update({ where: { id: run.runId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await db.$disconnect();
  const late = await bothWays(run.runId, { token: player.token, body });
  expect(late.fast).toEqual({ ...late.route, routedByNext: false });
  expect(late.fast.status).toBe(410);
  expect(JSON.parse(late.fast.body)).toMatchObject({ error: { code: "run_expired" }, run: { id: run.runId, verdict: "rejected" } });
});

it("answers a verified finish and its repeat as the route does", async () => {
  const player = await app.api.player("fv");
  const [a, b] = [await started(player.token), await started(player.token)];
  const bodyOf = (run: typeof a, seed: number) => JSON.stringify(finishBody(runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(seed)).sim.log()));
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(b.startedAt) + sprint.durationMs + 300 - Date.now())));

  // A first finish of each run, one each way: the same status and headers, and the same answer but for the run.
  const fastFirst = await send(`/api/runs/${a.runId}/finish`, { token: player.token, body: bodyOf(a, 2) });
  const routeFirst = await send(`/api/runs/${b.runId}/finish?via=next`, { token: player.token, body: bodyOf(b, 3) });
  expect([fastFirst.routedByNext, routeFirst.routedByNext]).toEqual([false, true]);
  expect([fastFirst.status, fastFirst.headers]).toEqual([routeFirst.status, routeFirst.headers]);
  const [fastOutcome, routeOutcome] = [JSON.parse(fastFirst.body), JSON.parse(routeFirst.body)];
  expect(fastOutcome).toMatchObject({ run: { id: a.runId, verdict: "verified" }, ranks: expect.any(Array) });
  expect(routeOutcome).toMatchObject({ run: { id: b.runId, verdict: "verified" }, ranks: expect.any(Array) });
  expect(Object.keys(fastOutcome)).toEqual(Object.keys(routeOutcome));

  // Repeats, each way, of both: the stored answer with the ranks of now.
  for (const [run, seed] of [[a, 2], [b, 3]] as const) {
    const { fast, route } = await bothWays(run.runId, { token: player.token, body: bodyOf(run, seed) });
    expect(fast).toEqual({ ...route, routedByNext: false });
    expect(fast.status).toBe(200);
  }
  // Signed in by cookie from the app's own page, with a session due for renewal: the answer renews the cookie both ways.
  const viaCookie = { body: bodyOf(a, 2), headers: { cookie: `fb_session=${player.token}`, origin: app.server.url } };
  const staleSession = async () => {
    const db = createDb(app.databaseUrl);
    await db.playerSession.update({ where: { tokenHash: hashToken(player.token) }, data: { lastSeenAt: new Date(Date.now() - 2 * TOUCH_INTERVAL_MS) } });
    await db.$disconnect();
  };
  await staleSession();
  const fastRenewed = await send(`/api/runs/${a.runId}/finish`, viaCookie);
  await staleSession();
  const routeRenewed = await send(`/api/runs/${a.runId}/finish?via=next`, viaCookie);
  const sameSecond = (answer: Answer) => ({ ...answer, routedByNext: null, headers: { ...answer.headers, "set-cookie": answer.headers["set-cookie"]?.replace(/Max-Age=\d+/, "Max-Age=n") } });
  expect([fastRenewed.routedByNext, routeRenewed.routedByNext]).toEqual([false, true]);
  expect(sameSecond(fastRenewed)).toEqual(sameSecond(routeRenewed));
  expect(fastRenewed.headers["set-cookie"]).toMatch(/^fb_session=.*HttpOnly; SameSite=Lax; Max-Age=\d+$/);

  // A repeat answers with the first answer (the ranks may have moved with the other run).
  const repeatA = await send(`/api/runs/${a.runId}/finish?via=next`, { token: player.token, body: bodyOf(a, 2) });
  expect(JSON.parse(repeatA.body).run).toEqual(fastOutcome.run);
});
