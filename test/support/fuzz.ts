/**
 * A request fuzzer for the API: from a seed, a list of requests across every route of the app and
 * every method, mostly hostile (bad JSON, wrong types, huge and negative numbers, unicode, long
 * strings, bad cursors and period keys, encoded traversal, null bytes, bad percent-encoding, oversized
 * bodies, bad tokens and cookies, wrong content types, query-string junk) with well-formed requests
 * mixed in (sign-ups, run starts, finishes that verify, abandons, code redemptions, sign-outs) so the
 * deeper code runs too. The same seed and world give the same list.
 */
import http from "node:http";
import { Rng } from "../../game/core";
import type { ApiRoute, RouteSegment } from "./routes";
import type { RawRequest } from "./raw-http";

/** What exists on the server under test, for requests that name real things. */
export interface FuzzWorld {
  routes: ApiRoute[];
  /** The server's own origin, for same-origin requests. */
  origin: string;
  players: { id: string; token: string }[];
  /**
   * Players kept for the routes that end the session a request presents (SESSION_ENDING): signed
   * out or replaced there, so the players above stay signed in for the rest of the fuzz.
   */
  expendable: { id: string; token: string }[];
  scenarioIds: string[];
  runIds: string[];
  /** Runs played to their end, each with the finish body that verifies it and its player's token. */
  playable: { runId: string; token: string; finish: object }[];
  /** Open runs, each with its player's token, for well-formed abandons. */
  abandonable: { runId: string; token: string }[];
  /** A membership code players may redeem. */
  membershipCode: string;
  /** Cursors the server issued, and the keys of boards and periods it has. */
  cursors: string[];
  boardKeys: string[];
  periodKeys: string[];
  cronSecret: string;
}

export interface FuzzRequest extends RawRequest {
  index: number;
  /** The route template aimed at, or "(no route)". */
  route: string;
  /** What the generator meant to send: "junk", or the well-formed request it is. */
  kind: string;
}

/** A JSON fragment written as is: numbers JSON.stringify cannot write (1e400, -0), bad escapes. */
class RawJson {
  constructor(readonly text: string) {}
}

function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Percent-encodes the UTF-8 bytes of `s` (a lone surrogate becomes U+FFFD, where encodeURIComponent throws). */
const percentEncode = (s: string) => [...Buffer.from(s, "utf8")].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0")}`)).join("");

const STANDARD_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
/** Routes whose success ends the session the request presents: sign-out, and sign-up (which replaces it). */
const SESSION_ENDING = new Set(["/api/players", "/api/players/me/logout"]);
/** Every other method node's HTTP parser accepts (CONNECT opens a tunnel instead of answering). */
const OTHER_METHODS = http.METHODS.filter((m) => !STANDARD_METHODS.includes(m) && m !== "CONNECT");

const STRINGS = [
  "", " ", "a", "null", "undefined", "NaN", "Infinity", "-1", "0", "1e400", "true",
  "\u202Eevil\u202C", "مرحبا بالعالم", "שלום", "👾🔥🏆", "e\u0301\u0301\u0301", "\uFEFFbom", "\u200B", "Ａｄｍｉｎ", "İstanbul", "ß".repeat(30),
  "\uD800", "\uDC00x", "\uD83D", "a\u0000b", "\u0000", "\r\nX-Injected: 1", "' OR 1=1 --", "<script>alert(1)</script>", "${7*7}", "{{7*7}}",
  "../../etc/passwd", "..\\..\\windows", "%00", "%ff%fe", "__proto__", "constructor", "gridshot", "free", "ultimate", "all", "week",
  "x".repeat(64), "x".repeat(65), "y".repeat(101), "z".repeat(513), "é".repeat(3000),
];
const NUMBERS = ["0", "-0", "1", "-1", "0.5", "9e15", "-9e15", "9007199254740993", "1e400", "-1e400", "1e-400", "2147483648", "-2147483649", "1.7976931348623157e308", "123456789012345678901234567890", "1E2", "5e-324"];
const BAD_JSON = [
  "", " ", "{", "}", "[1,2", "{\"handle\":}", "{'handle':'x'}", "{\"handle\":\"x\",}", "nul", "NaN", "Infinity", "-", "{\"a\":1}{\"b\":2}",
  "{\"handle\":\"\\uZZZZ\"}", "{\"handle\":\"\\ud800\"}", "\"\\udfff\"", "{\"a\":\"\u0000\"}", "{\"a\" \"b\"}", "[".repeat(5000) + "]".repeat(5000), "[".repeat(3000),
  "1".repeat(5000), "{\"__proto__\":{\"admin\":true},\"handle\":\"proto\"}", "{\"handle\":\"a\",\"handle\":\"bb\"}", "\uFEFF{}", "/* c */ {}", "{\"a\":1e999999}",
];
const BAD_BODY_BYTES = [Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), Buffer.from([0xc0, 0xae, 0xc0, 0xae]), Buffer.from('{"handle":"\xff\xfe"}', "latin1"), Buffer.from("{}", "utf16le")];

const SLOT_JUNK = [
  "%ff%fe", "%", "%g0", "%zz", "a%", "%%", "%2", "%2e%2e%2f", "..%2f", "%2e%2e", "..%2f..%2f..%2fetc%2fpasswd", "%252e%252e%252f", "%25ff", "..%5c",
  "%00", "a%00b", "%00.json", "%c0%ae%c0%ae", "%e2%80%ae", "%f0%9f%91%be", "%ed%a0%80", "%d9%85%d8%b1", "x".repeat(300), "x".repeat(4000),
  "null", "undefined", "0", "-1", "1e400", "NaN", "me", ".", "~", "*", "$", ";", "'", "\"", "<script>", "{}", "[]", "|", "\\", "%5c", "%2f", "%3f", "%23", "+",
  "CON", "index.html", "route.ts", "__proto__", "constructor",
];
const CONTENT_TYPES = [
  "application/json; charset=utf-8", "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz",
  "application/json-patch+json", "APPLICATION/JSON", "", "application/jsonp", "text/json", "application/json; charset=utf-16", "*/*", "application/json, text/plain",
];
const ACCEPTS = ["*/*", "text/html", "application/json", "text/html,application/xhtml+xml", "image/avif"];
const PERIODS = ["day", "week", "challenge", "all", "month", "", "DAY", "week ", "0", "__proto__"];
const TIERS = ["all", "free", "ultimate", "", "platinum", "FREE", "0"];
const PERIOD_KEYS = ["2026-11-27", "2026-02-30", "9999-99-99", "0000-00-00", "-1", "2026-11-19T00:00", "2026-11-19T00:00:00", "2026-11-20T00:00", "1970-01-01", "275760-09-13", "nope", "../", "k".repeat(41), "all", "ultimate-challenge", "%ff"];
const LIMITS = ["1", "100", "101", "0", "-1", "1e400", "9e15", "NaN", "1.5", "", "abc", "Infinity", "0x10", " 5"];

/** The request generator's state: its random source and the world it aims at. */
class Fuzzer {
  readonly rng: Rng;
  constructor(
    readonly world: FuzzWorld,
    readonly seed: number,
  ) {
    this.rng = new Rng(seed);
  }

  chance(p: number) {
    return this.rng.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.rng.int(xs.length)]!;
  }

  /** A JSON value of any type, hostile more often than not. */
  junkValue(depth = 0): unknown {
    const r = this.rng.int(10);
    if (r < 3) return this.pick(STRINGS);
    if (r < 5) return new RawJson(this.pick(NUMBERS));
    if (r < 6) return this.pick([true, false, null]);
    if (r < 7 && depth < 3) return Array.from({ length: this.rng.int(4) }, () => this.junkValue(depth + 1));
    if (r < 8 && depth < 3) return { [this.pick(["a", "handle", "log", "__proto__x", "tier"])]: this.junkValue(depth + 1) };
    if (r < 9) return new RawJson("[".repeat(200) + "]".repeat(200));
    return this.pick([{}, [], "", 0]);
  }

  /** A path segment for a slot named `name`: a real id some of the time, garbage the rest. */
  slot(name: string): string {
    const w = this.world;
    if (this.chance(0.45)) {
      if (/run/i.test(name)) return this.pick(this.chance(0.6) ? w.playable.map((p) => p.runId) : w.runIds);
      if (/player/i.test(name)) return this.pick(w.players).id;
      if (/scenario/i.test(name)) return this.pick(w.scenarioIds);
      return this.pick([...w.scenarioIds, ...w.runIds, w.players[0]!.id]);
    }
    const junk = this.pick(SLOT_JUNK);
    return this.chance(0.2) ? `${this.pick([...w.scenarioIds, ...w.runIds])}${junk}` : junk;
  }

  /** The route's path segments, slots filled; `fixed` names slots with a set value. */
  segments(segments: RouteSegment[], fixed: Record<string, string> = {}): string[] {
    const out: string[] = [];
    for (const s of segments) {
      if (s.kind === "static") out.push(this.chance(0.03) ? this.pick([s.value.toUpperCase(), `${s.value}%20`, s.value.replace(/^./, (c) => `%${c.charCodeAt(0).toString(16)}`)]) : s.value);
      else if (s.kind === "param") out.push(fixed[s.name] ?? this.slot(s.name));
      else for (let n = this.rng.int(3) + (s.optional ? 0 : 1); n > 0; n--) out.push(this.slot(s.name));
    }
    return out;
  }

  /** A path under /api: the route's own most of the time, with the occasional traversal or odd slash. */
  path(route: ApiRoute | null, fixed: Record<string, string> = {}): string {
    if (!route) {
      return this.pick([
        "/api", "/api/", "/api/nope", "/api/players/me/extra", "/api/runs/x/y/z/finish", `/api/${this.slot("any")}`, "/api//players",
        "/api/scenarios/gridshot/..%2f..%2fplayers", "/api/%2e%2e/%2e%2e/api/health", `/api/${"deep/".repeat(60)}x`, "/api/health.json", "/api/_next",
      ]);
    }
    let p = "/" + this.segments(route.segments, fixed).join("/");
    const r = this.rng.int(40);
    if (r === 0) p += "/";
    else if (r === 1) p = p.replace("/api/", "/api//");
    else if (r === 2) p = p.replace(/\/([^/]+)$/, "/./$1");
    else if (r === 3) p += "/../" + p.split("/").pop();
    else if (r === 4) p += "%00";
    else if (r === 5) p += ";jsessionid=1";
    return p;
  }

  cursor(): string {
    const w = this.world;
    const r = this.rng.int(10);
    if (r < 3) return this.pick(w.cursors);
    const forged = (fields: Record<string, unknown>) => Buffer.from(toJson(fields)).toString("base64url");
    const b = this.chance(0.7) ? this.pick(w.boardKeys) : this.pick(STRINGS);
    if (r < 8) {
      return forged({
        b,
        s: this.chance(0.6) ? new RawJson(this.pick(NUMBERS)) : this.junkValue(),
        a: this.chance(0.6) ? new RawJson(this.pick(NUMBERS)) : this.junkValue(),
        r: this.chance(0.7) ? this.pick(w.runIds) : this.junkValue(),
        ...(this.chance(0.1) ? { extra: this.junkValue() } : {}),
      });
    }
    return this.pick(["", "%ff", "!!!", "eyJ", "e30", Buffer.from("not json").toString("base64url"), "A".repeat(400), "A".repeat(401), "null", "W10", "bnVsbA"]);
  }

  /**
   * A real board named in full (scenario slot, period, key, tier) with a cursor forged for that very
   * board, so the cursor's numbers are what gets checked: huge, negative, fractional, non-finite.
   */
  boardCursor(): { fixed: Record<string, string>; query: string } {
    const [scenario, period, key, tier] = this.pick(this.world.boardKeys).split("|") as [string, string, string, string];
    const number = () => (this.chance(0.8) ? new RawJson(this.pick(NUMBERS)) : this.junkValue());
    const cursor = Buffer.from(toJson({ b: [scenario, period, key, tier].join("|"), s: number(), a: number(), r: this.chance(0.8) ? this.pick(this.world.runIds) : this.junkValue() })).toString("base64url");
    const keyParam = this.chance(0.5) ? `&key=${percentEncode(key)}` : "";
    return { fixed: { scenario }, query: `?period=${period}&tier=${tier}${keyParam}&limit=${1 + this.rng.int(3)}&cursor=${cursor}` };
  }

  /** A query string: none, board parameters (real and junk), or junk keys and encodings. */
  query(): string {
    const w = this.world;
    const r = this.rng.int(10);
    if (r < 4) return "";
    const params: string[] = [];
    const n = 1 + this.rng.int(4);
    for (let i = 0; i < n; i++) {
      const key = this.pick(["period", "tier", "key", "limit", "cursor", "cursor", "key", this.pick(["__proto__", "constructor", "a[b]", "", "%ff", "x".repeat(100)])]);
      let value: string;
      if (key === "period") value = this.pick(PERIODS);
      else if (key === "tier") value = this.pick(TIERS);
      else if (key === "key") value = this.chance(0.5) ? this.pick(w.periodKeys) : this.pick(PERIOD_KEYS);
      else if (key === "limit") value = this.pick(LIMITS);
      else if (key === "cursor") value = this.cursor();
      else value = this.pick(STRINGS);
      const raw = this.chance(0.1);
      params.push(`${key}=${raw ? this.pick(["%ff", "%", "%g0", "%00", "%2e%2e%2f", "a&b", "=="]) : percentEncode(value)}`);
    }
    if (this.chance(0.05)) params.push("&&", "=", "x".repeat(4000));
    return `?${params.join("&")}`;
  }

  /** Who the request to `route` says it is: a real token (header or cookie), none, or a bad one. */
  credentials(headers: Record<string, string>, route: string) {
    const r = this.rng.next();
    const real = this.pick(SESSION_ENDING.has(route) ? this.world.expendable : this.world.players).token;
    if (r < 0.5) headers.authorization = `Bearer ${real}`;
    else if (r < 0.6) headers.cookie = `fb_session=${real}`;
    else if (r < 0.78) return;
    else if (r < 0.9) {
      headers.authorization = this.pick([
        "Bearer", "Bearer ", "Bearer fb_", `Bearer ${real}x`, `Bearer  ${real}`, `bearer ${real}`, `Basic ${Buffer.from("a:b").toString("base64")}`,
        `Bearer ${"a".repeat(5000)}`, "Bearer fb_\u00ff\u00fe", `Bearer ${real.slice(0, -1)}`, "Token abc", `Bearer ${this.world.cronSecret}`, "Bearer null",
      ]);
    } else {
      headers.cookie = this.pick([
        "fb_session=", "fb_session=junk", "fb_session=fb_%ff", `fb_session=${real}; fb_session=junk`, `fb_session="${real}"`, `fb_session=${"c".repeat(6000)}`,
        "fb_session", "=;=;", `other=1; fb_session=fb_${"0".repeat(43)}`,
      ]);
    }
  }

  /** Origin, Fetch metadata, proxy and Accept headers, some from another site. */
  browserHeaders(headers: Record<string, string>) {
    if (this.chance(0.2)) headers.origin = this.pick([this.world.origin, "http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1", ""]);
    if (this.chance(0.15)) headers["sec-fetch-site"] = this.pick(["same-origin", "same-site", "cross-site", "none", "bogus"]);
    if (this.chance(0.3)) headers.accept = this.pick(ACCEPTS);
    if (this.chance(0.05)) headers.referer = this.pick(["http://evil.example/", this.world.origin, "%ff"]);
    if (this.chance(0.05)) headers["x-forwarded-proto"] = this.pick(["https", "javascript", ""]);
  }

  /** A body: a well-formed one mutated or not, junk JSON, bad JSON, bad bytes, or an oversized one. */
  body(valid: unknown): Buffer {
    const r = this.rng.next();
    if (r < 0.004) return Buffer.from(toJson({ log: "A".repeat(1_100_000) }));
    if (r < 0.02) return Buffer.from(toJson({ handle: "h".repeat(16_500 + this.rng.int(20_000)), log: "A".repeat(this.rng.int(40_000)) }));
    if (r < 0.12) return Buffer.from(this.pick(BAD_JSON));
    if (r < 0.14) return this.pick(BAD_BODY_BYTES);
    if (r < 0.3) return Buffer.from(toJson(this.junkValue()));
    return Buffer.from(toJson(this.mutate(valid)));
  }

  /** The well-formed body with one thing wrong in it (a field replaced, dropped or added), or as is. */
  mutate(valid: unknown): unknown {
    if (valid === null || typeof valid !== "object" || Array.isArray(valid) || this.chance(0.25)) return valid;
    const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const r = this.rng.int(6);
    if (r === 0 && keys.length) delete copy[this.pick(keys)];
    else if (r === 1) copy[this.pick(["extra", "admin", "score", "playerId", "verdict"])] = this.junkValue();
    else if (r === 2) return [copy];
    else if (keys.length) {
      const key = this.pick(keys);
      const inner = copy[key];
      copy[key] = inner && typeof inner === "object" && !Array.isArray(inner) && this.chance(0.6) ? this.mutate(inner) : this.junkValue();
    }
    return copy;
  }

  headersFor(withBody: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    if (withBody || this.chance(0.1)) {
      const r = this.rng.next();
      if (r < 0.75) headers["content-type"] = "application/json";
      else if (r < 0.95) headers["content-type"] = this.pick(CONTENT_TYPES);
    }
    return headers;
  }
}

/** A body the route accepts, for the routes that take one (the base that junk bodies mutate). */
function validBody(f: Fuzzer, route: string, handle: string): object | undefined {
  const w = f.world;
  switch (route) {
    case "/api/players":
      return { handle };
    case "/api/players/me":
      return f.pick([{ settings: { dpi: 1600, cm360: 25.5 } }, { contactEmail: `${handle}@example.test` }, { handle }, { settings: { crosshairStyle: "dot", keyboardFire: "KeyF" } }, {}]);
    case "/api/runs":
      return { scenario: f.pick(w.scenarioIds), tier: f.pick(["free", "ultimate"]) };
    case "/api/runs/[runId]/finish":
      return f.pick(w.playable).finish;
    case "/api/players/me/membership":
      return { code: w.membershipCode };
    case "/api/cron/close":
      return f.pick([{ dryRun: true }, { period: "week", dryRun: true }]);
    default:
      return undefined;
  }
}

interface WellFormed {
  method: string;
  route: string;
  path: string;
  token: string | null;
  body?: object;
  kind: string;
}

/**
 * The well-formed requests mixed in: sign-ups, run starts, finishes (repeated, or with another
 * player's token), abandons, code redemptions, sign-outs, profile edits, reads.
 */
function wellFormed(f: Fuzzer, handle: string): WellFormed {
  const w = f.world;
  const player = f.pick(w.players);
  const r = f.rng.int(15);
  if (r < 3) return { method: "POST", route: "/api/players", path: "/api/players", token: null, body: validBody(f, "/api/players", handle), kind: "sign-up" };
  if (r < 5) return { method: "POST", route: "/api/runs", path: "/api/runs", token: player.token, body: validBody(f, "/api/runs", handle), kind: "run start" };
  if (r < 7) {
    const run = f.pick(w.playable);
    const token = f.chance(0.85) ? run.token : player.token;
    return { method: "POST", route: "/api/runs/[runId]/finish", path: `/api/runs/${run.runId}/finish`, token, body: run.finish, kind: "finish" };
  }
  if (r < 8) return { method: "PATCH", route: "/api/players/me", path: "/api/players/me", token: player.token, body: validBody(f, "/api/players/me", handle), kind: "profile edit" };
  if (r < 9) return { method: "POST", route: "/api/cron/close", path: "/api/cron/close", token: w.cronSecret, body: validBody(f, "/api/cron/close", handle), kind: "dry-run close" };
  if (r < 10) {
    const run = f.pick(w.abandonable);
    return { method: "POST", route: "/api/runs/[runId]/abandon", path: `/api/runs/${run.runId}/abandon`, token: run.token, kind: "abandon" };
  }
  if (r < 11) {
    const path = "/api/players/me/membership";
    return { method: "POST", route: path, path, token: player.token, body: validBody(f, path, handle), kind: "code redemption" };
  }
  if (r < 12) return { method: "POST", route: "/api/players/me/logout", path: "/api/players/me/logout", token: f.pick(w.expendable).token, kind: "sign-out" };
  const scenario = f.pick(w.scenarioIds);
  const path = f.pick([
    `/api/leaderboards/${scenario}?period=${f.pick(["day", "week", "challenge", "all"])}&limit=${1 + f.rng.int(5)}`,
    `/api/leaderboards/gridshot?period=all&limit=2&cursor=${f.pick(w.cursors)}`,
    `/api/leaderboards/${scenario}/players/${player.id}?period=all`,
    `/api/leaderboards/${scenario}/periods?period=${f.pick(["day", "week"])}`,
    "/api/players/me",
    "/api/players/me/membership",
    `/api/runs/${f.pick(w.playable).runId}/replay`,
    "/api/scenarios",
    `/api/scenarios/${scenario}`,
    "/api/health",
  ]);
  return { method: "GET", route: "(read)", path, token: player.token, kind: "read" };
}

/**
 * `count` requests from `seed`: first each playable run's finish (sent at once, well before the
 * runs' deadline), then every route x method gets its share of junk; about 1 in 6 is well-formed.
 */
export function fuzzRequests(world: FuzzWorld, seed: number, count: number): FuzzRequest[] {
  const f = new Fuzzer(world, seed);
  const requests: FuzzRequest[] = world.playable.map(({ runId, token, finish }, index) => ({
    index,
    method: "POST",
    path: `/api/runs/${runId}/finish`,
    headers: { "x-forwarded-for": `198.19.1.${index + 1}`, authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: Buffer.from(toJson(finish)),
    route: "/api/runs/[runId]/finish",
    kind: "finish",
  }));
  for (let index = requests.length; index < count; index++) {
    // A real client address behind the trusted proxy: mostly one per request, sometimes a shared or a bad one.
    const forwarded = f.chance(0.9) ? `198.18.${(index >> 8) & 255}.${index & 255}` : f.pick(["198.51.100.1", "unknown", "", "1.2.3.4, 5.6.7.8", "::1", "999.1.1.1", "a".repeat(300)]);
    // Handles unique to the request and the seed, so a well-formed sign-up is one the server takes.
    const handle = `fz${index.toString(36)}_${(seed % 46656).toString(36)}`;
    if (f.chance(1 / 6)) {
      const w = wellFormed(f, handle);
      const headers: Record<string, string> = { "x-forwarded-for": forwarded };
      if (w.token) headers.authorization = `Bearer ${w.token}`;
      if (w.body !== undefined) headers["content-type"] = "application/json";
      const body = w.body === undefined ? undefined : Buffer.from(toJson(w.body));
      requests.push({ index, method: w.method, path: w.path, headers, body, route: w.route, kind: w.kind });
      continue;
    }
    // Junk: the routes in turn, each with the methods in turn, so every route x method is covered.
    const routes = world.routes;
    const route = f.chance(0.06) ? null : routes[index % routes.length]!;
    const cycle = Math.floor(index / routes.length);
    const method = f.chance(0.9) ? STANDARD_METHODS[cycle % STANDARD_METHODS.length]! : f.pick(OTHER_METHODS);
    const sendsBody = ["POST", "PUT", "PATCH"].includes(method) ? f.chance(0.9) : f.chance(0.08);
    const headers = f.headersFor(sendsBody);
    headers["x-forwarded-for"] = forwarded;
    f.credentials(headers, route?.template ?? "");
    f.browserHeaders(headers);
    const body = sendsBody ? f.body(validBody(f, route?.template ?? "", handle) ?? f.junkValue()) : undefined;
    const board = route?.template.startsWith("/api/leaderboards/[scenario]") && f.chance(0.3) ? f.boardCursor() : null;
    let path = board ? f.path(route, board.fixed) + board.query : f.path(route) + f.query();
    // Node refuses a request whose line and headers pass 16 KB (431) before the app sees it: stay under.
    const size = () => path.length + Object.values(headers).reduce((n, v) => n + v.length, 0);
    if (size() > 12_000) path = path.replace(/\?.*$/, "");
    if (size() > 12_000) delete headers.cookie;
    if (size() > 12_000) delete headers.authorization;
    requests.push({
      index,
      method,
      path,
      headers,
      body,
      chunked: body !== undefined && f.chance(0.2),
      route: route?.template ?? "(no route)",
      kind: "junk",
    });
  }
  return requests;
}

/** One line that names a request well enough to send it again. */
export function describeRequest(req: FuzzRequest): string {
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v}`)
    .join(" | ");
  const path = req.path.length > 200 ? `${req.path.slice(0, 200)}…(${req.path.length})` : req.path;
  const text = req.body?.toString("utf8") ?? "";
  const body = req.body ? ` body${req.chunked ? " (chunked)" : ""} ${req.body.length} B: ${JSON.stringify(text.slice(0, 160))}${text.length > 160 ? "…" : ""}` : "";
  return `#${req.index} [${req.kind}] ${req.method} ${path} {${headers}}${body}`;
}
