/**
 * The one wrapper every route handler goes through. A route file reads:
 *
 *   export const { GET, POST, PUT, PATCH, DELETE } = methods({
 *     POST: endpoint({ auth: "player", body: schema }, async ({ player, body, rt }) => ...),
 *   });
 *
 * `endpoint` gives the handler its context, in this order:
 * 1. origin: a mutation (POST/PUT/PATCH/DELETE) that shows another origin is refused (403
 *    cross_origin), see server/security/origin.ts;
 * 2. media type: a mutation with a body must say `Content-Type: application/json` (415);
 * 3. authentication (`auth`): "player" requires a live session, "optional-player" takes one if
 *    presented, "cron" requires the CRON_SECRET bearer, "kiosk" a paired kiosk's credential
 *    (server/kiosks/credential.ts); a booth session counts only with its own kiosk's credential;
 *    "admin" and "staff" (staff or admin) require an admin session, by its cookie only
 *    (server/admin/guard.ts); a session or kiosk credential presented by cookie on a mutation must
 *    come from the app's own pages (403 cross_origin);
 * 4. validation with zod of path params, query and JSON body (bounded in size, strings free of NUL);
 * 5. errors: domain errors, Prisma constraint errors and anything unexpected become JSON errors
 *    (server/api/errors.ts).
 * `methods` answers every method a route does not take with a JSON 405. A test imports every route
 * file and checks each exported method came from here, so a route cannot skip it by accident.
 */
import crypto from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { authenticateAdminRequest, type CookieReader } from "../admin/guard";
import { ADMIN_COOKIE, type AuthenticatedAdmin } from "../admin/sessions";
import { Forbidden, InvalidInput, TooLarge, Unauthenticated, Unavailable } from "../errors";
import { authenticateKiosk, KIOSK_COOKIE, sessionAllowedWith, type AuthenticatedKiosk } from "../kiosks/credential";
import { authenticate, presentedToken, SESSION_COOKIE, type AuthenticatedPlayer } from "../players/session";
import { runtime, type Runtime } from "../runtime";
import { foreignOrigin, ownOrigin, showsSameOrigin, type HeaderReader } from "../security/origin";
import { connectionOf } from "./connection";
import { errorBody, httpError, toHttpError, type HttpError } from "./errors";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
const MUTATIONS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** JSON bodies are small unless an endpoint says otherwise (a run's input log). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;
const DAY_MS = 24 * 3600 * 1000;

export type AuthMode = "none" | "player" | "optional-player" | "cron" | "kiosk" | "admin" | "staff";
type AdminMode = "admin" | "staff";
type AuthFor<A extends AuthMode> = A extends "player"
  ? AuthenticatedPlayer
  : A extends "optional-player"
    ? AuthenticatedPlayer | null
    : A extends AdminMode
      ? AuthenticatedAdmin
      : null;
type KioskFor<A extends AuthMode> = A extends "kiosk" ? AuthenticatedKiosk : AuthenticatedKiosk | null;
const isAdminMode = (mode: AuthMode): mode is AdminMode => mode === "admin" || mode === "staff";

/** Path params: printable, short. Anything else names nothing, so it is a 404 before any lookup. */
const SAFE_PARAM = /^[^\u0000-\u001f\u007f]{1,128}$/;

export interface EndpointSpec<A extends AuthMode, P, Q, B> {
  auth?: A;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  maxBodyBytes?: number;
}

/**
 * What an endpoint reads of a request. Next's NextRequest has it, and so does the lighter request
 * built in front of Next's router (in-front.ts), which reads Node's parsed headers in place instead
 * of copying them into a Headers and a Request, and parses the URL only if asked.
 */
export interface EndpointRequest {
  readonly method: string;
  readonly headers: HeaderReader & { has(name: string): boolean };
  readonly cookies: CookieReader;
  readonly nextUrl: { readonly pathname: string; readonly searchParams: URLSearchParams };
  /** The body as it arrives (null without one), read only when the endpoint asks for it. */
  readonly body: ReadableStream<Uint8Array> | null;
}

export interface EndpointContext<A extends AuthMode, P, Q, B> {
  req: EndpointRequest;
  rt: Runtime;
  params: P;
  query: Q;
  body: B;
  /** The client's address (server/security/proxy.ts) and whether it reached us over HTTPS. */
  ip: string;
  https: boolean;
  /** The signed-in player and session, or for "admin"/"staff" the admin (`auth.admin`: id, email, role) and session. */
  auth: AuthFor<A>;
  /** The kiosk whose credential came with the request ("kiosk" requires one; player modes take one). */
  kiosk: KioskFor<A>;
  /** The token the request presented (Bearer or cookie), e.g. to rotate it at sign-in. */
  presentedToken: string | null;
}

/**
 * A JSON answer already serialized, with its status and headers (conditional.ts makes them). Next's
 * router gets it as a Response; the endpoints answered in front of the router (in-front.ts) write it to
 * the socket as it is, without building a Response and reading its body back.
 */
export class JsonText {
  /** The answer's headers: the given ones, and the JSON content type unless it is a 304 (which has no body). */
  readonly headers: Record<string, string>;

  constructor(
    readonly text: string,
    headers: Record<string, string>,
    readonly status = 200,
  ) {
    this.headers = status === 304 ? headers : { ...headers, "content-type": "application/json" };
  }

  toResponse(): Response {
    return new Response(this.status === 304 ? null : this.text, { status: this.status, headers: this.headers });
  }
}

/** What a handler answers: a Response or a JsonText as is, anything else as a 200 JSON body. */
type Answer = Response | JsonText | Record<string, unknown>;
type RouteCtx = { params: Promise<unknown> };
export type RouteHandler = ((req: NextRequest, ctx: RouteCtx) => Promise<Response>) & {
  [ENDPOINT]: true;
  [AUTH]?: AuthMode;
  /** The same handling, answering a JsonText as it is, of any EndpointRequest (for in-front.ts); undefined on a 405. */
  [RAW]?: (req: EndpointRequest, ctx: RouteCtx) => Promise<Response | JsonText>;
};

const ENDPOINT = Symbol.for("flickboard.endpoint");
const AUTH = Symbol.for("flickboard.endpoint.auth");
const RAW = Symbol.for("flickboard.endpoint.raw");

/** The endpoint's answer without turning a JsonText into a Response (in-front.ts writes it as is). */
export function answerRaw(handler: RouteHandler, req: EndpointRequest, ctx: RouteCtx): Promise<Response | JsonText> {
  if (!handler[RAW]) throw new Error("answerRaw takes an endpoint made by `endpoint`, not a method the route does not take");
  return handler[RAW](req, ctx);
}

/** Whether a route module's export was made by `endpoint` or `methods` (checked by a test). */
export function isEndpoint(value: unknown): boolean {
  return typeof value === "function" && (value as Partial<RouteHandler>)[ENDPOINT] === true;
}

/** The `auth` an endpoint declared; undefined for a method the route does not take (checked by a test). */
export function authModeOf(handler: RouteHandler): AuthMode | undefined {
  return handler[AUTH];
}

function brand(fn: (req: NextRequest, ctx: RouteCtx) => Promise<Response>, auth?: AuthMode): RouteHandler {
  return Object.assign(fn, { [ENDPOINT]: true as const, [AUTH]: auth });
}

export function errorResponse(error: HttpError): NextResponse {
  return NextResponse.json(errorBody(error), { status: error.status, headers: error.headers });
}

export function endpoint<A extends AuthMode = "none", P = Record<string, string>, Q = undefined, B = undefined>(
  spec: EndpointSpec<A, P, Q, B>,
  handler: (ctx: EndpointContext<A, P, Q, B>) => Promise<Answer>,
): RouteHandler {
  const raw = async (req: EndpointRequest, routeCtx: RouteCtx): Promise<Response | JsonText> => {
    const session = { renew: null as AuthenticatedPlayer | null };
    try {
      const rt = runtime();
      const { ip, https } = connectionOf(req.headers);
      const own = ownOrigin(rt.config.PUBLIC_URL, req.headers.get("host"), https);
      const mutation = MUTATIONS.has(req.method);
      if (mutation) {
        const foreign = foreignOrigin(req.headers, own);
        if (foreign) throw new Forbidden("cross_origin", `Refused: ${foreign}, not from this site.`);
        if (hasBody(req) && !isJson(req.headers.get("content-type"))) {
          return errorResponse(httpError("unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`."));
        }
      }

      const mode = spec.auth ?? "none";
      const presented = presentedToken(req.headers, req.cookies.get(SESSION_COOKIE)?.value);
      const kiosk = await kioskOf(mode, rt, req.cookies.get(KIOSK_COOKIE)?.value);
      if (kiosk && mutation && !showsSameOrigin(req.headers, own)) {
        throw new Forbidden("cross_origin", "A request from a kiosk must come from this site's pages.");
      }
      const auth = isAdminMode(mode) ? await authenticateAdminRequest(rt.db, req.headers, req.cookies, mode) : await authenticateAs(mode, rt, req, presented, kiosk);
      if (auth && (isAdminMode(mode) || presented?.via === "cookie")) {
        if (mutation && !showsSameOrigin(req.headers, own)) {
          throw new Forbidden("cross_origin", "A request signed in by cookie must come from this site's pages.");
        }
        if ("renewed" in auth && auth.renewed) session.renew = auth;
      }

      const params = parseParams(spec.params, await routeCtx.params);
      const query = spec.query ? parseWith(spec.query, Object.fromEntries(req.nextUrl.searchParams)) : (undefined as Q);
      const body = spec.body ? await readBody(req, spec.body, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : (undefined as B);
      const answer = await handler({ req, rt, params, query, body, ip, https, auth: auth as AuthFor<A>, kiosk: kiosk as KioskFor<A>, presentedToken: presented?.token ?? null });
      if (answer instanceof JsonText && !session.renew) return answer;
      const res = answer instanceof Response ? answer : answer instanceof JsonText ? answer.toResponse() : NextResponse.json(answer);
      if (session.renew) setSessionCookie(res, presented!.token, { secure: sessionCookieSecure(rt, https), expiresAt: session.renew.session.expiresAt });
      return res;
    } catch (err) {
      return errorResponse(toHttpError(err));
    }
  };
  const handle = brand(async (req, routeCtx) => {
    const answer = await raw(req, routeCtx);
    return answer instanceof JsonText ? answer.toResponse() : answer;
  }, spec.auth ?? "none");
  return Object.assign(handle, { [RAW]: raw });
}

/**
 * The route's exports: the given methods, and a JSON 405 (with Allow) for every other one. Next
 * answers HEAD with GET and OPTIONS by itself.
 */
export function methods(handlers: Partial<Record<HttpMethod, RouteHandler>>): Record<HttpMethod, RouteHandler> {
  const allow = HTTP_METHODS.filter((m) => handlers[m]).join(", ");
  const notAllowed = brand(async (req) =>
    errorResponse(httpError("method_not_allowed", `${req.method} is not supported here; use ${allow}.`, { Allow: allow })),
  );
  return Object.fromEntries(HTTP_METHODS.map((m) => [m, handlers[m] ?? notAllowed])) as Record<HttpMethod, RouteHandler>;
}

/** The kiosk credential's kiosk: required for "kiosk", taken when presented for player modes. */
async function kioskOf(mode: AuthMode, rt: Runtime, cookie: string | undefined): Promise<AuthenticatedKiosk | null> {
  if (mode !== "kiosk" && mode !== "player" && mode !== "optional-player") return null;
  const found = cookie ? await authenticateKiosk(rt.db, cookie, { finishAllowanceMs: rt.config.RUN_FINISH_ALLOWANCE_SEC * 1000 }) : null;
  if (!found && mode === "kiosk") {
    throw new Unauthenticated("unauthenticated", "This device is not a paired kiosk (or its kiosk was revoked): pair it at /kiosk with a code.");
  }
  return found;
}

async function authenticateAs(mode: Exclude<AuthMode, AdminMode>, rt: Runtime, req: EndpointRequest, presented: ReturnType<typeof presentedToken>, kiosk: AuthenticatedKiosk | null) {
  if (mode === "cron") {
    requireCronSecret(rt, req);
    return null;
  }
  if (mode === "none" || mode === "kiosk") return null;
  const session = presented ? await authenticate(rt.db, presented.token, { ttlMs: rt.config.SESSION_TTL_DAYS * DAY_MS }) : null;
  const found = session && sessionAllowedWith(session.session, kiosk) ? session : null;
  if (!found && mode === "player") {
    throw new Unauthenticated("unauthenticated", "Sign in first: create a player with POST /api/players, or sign in again if your session ended.");
  }
  return found;
}

function requireCronSecret(rt: Runtime, req: EndpointRequest) {
  const secret = rt.config.CRON_SECRET;
  if (!secret) throw new Unavailable("cron_disabled", "The close endpoint is off: set CRON_SECRET to enable it.");
  const match = /^Bearer\s+(.+)$/i.exec((req.headers.get("authorization") ?? "").trim());
  const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
  if (!match || !crypto.timingSafeEqual(digest(match[1]!), digest(secret))) {
    throw new Unauthenticated("unauthenticated", "A valid `Authorization: Bearer <CRON_SECRET>` header is required.");
  }
}

function hasBody(req: EndpointRequest): boolean {
  const length = req.headers.get("content-length");
  return req.headers.has("transfer-encoding") || (length !== null && length !== "0");
}

function isJson(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || Boolean(type?.match(/^application\/[\w.+-]+\+json$/));
}

function parseParams<P>(schema: z.ZodType<P> | undefined, raw: unknown): P {
  const values = Object.values((raw ?? {}) as Record<string, string | string[]>).flat();
  if (values.some((v) => !SAFE_PARAM.test(v))) throw new InvalidInput("invalid_path", "The request path holds a character or length no resource has.");
  return schema ? parseWith(schema, raw) : (raw as P);
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  throw new InvalidInput("validation_failed", `${where}${first?.message ?? "invalid input"}`);
}

/** Reads a JSON body of at most maxBytes (stopping as soon as it is over), then validates it. */
async function readBody<B>(req: EndpointRequest, schema: z.ZodType<B>, maxBytes: number): Promise<B> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw new TooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new TooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  if (size === 0) {
    const empty = schema.safeParse(undefined);
    if (empty.success) return empty.data;
    throw new InvalidInput("invalid_json", "This request needs a JSON body.");
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new InvalidInput("invalid_json", "The request body is not valid JSON (UTF-8).");
  }
  if (holdsNul(body)) throw new InvalidInput("invalid_json", "Strings in the request body may not contain NUL characters.");
  return parseWith(schema, body);
}

/** Whether a string or key anywhere in a JSON value holds NUL. A loop, not recursion: bodies may nest thousands deep. */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") {
      if (next.includes("\u0000")) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next && typeof next === "object") {
      for (const [key, item] of Object.entries(next)) {
        if (key.includes("\u0000")) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/** Secure cookies when players use HTTPS: PUBLIC_URL says so, or a trusted proxy did. */
export function sessionCookieSecure(rt: Runtime, https: boolean): boolean {
  return https || Boolean(rt.config.PUBLIC_URL?.startsWith("https:"));
}

/** The player's session cookie; the admin's is stricter (no navigation from another site carries it). */
export const PLAYER_COOKIE = { name: SESSION_COOKIE, sameSite: "Lax" } as const;
export const ADMIN_SESSION_COOKIE = { name: ADMIN_COOKIE, sameSite: "Strict" } as const;

/** Sets (or, with a null token, clears) a session cookie (the player's unless `cookie` says) on a response. */
export function setSessionCookie(
  res: Response,
  token: string | null,
  options: { secure: boolean; expiresAt?: Date; cookie?: typeof PLAYER_COOKIE | typeof ADMIN_SESSION_COOKIE },
) {
  const { name, sameSite } = options.cookie ?? PLAYER_COOKIE;
  const maxAge = token && options.expiresAt ? Math.max(0, Math.floor((options.expiresAt.getTime() - Date.now()) / 1000)) : 0;
  const parts = [`${name}=${token ?? ""}`, "Path=/", "HttpOnly", `SameSite=${sameSite}`, `Max-Age=${maxAge}`];
  if (options.secure) parts.push("Secure");
  res.headers.append("set-cookie", parts.join("; "));
}
