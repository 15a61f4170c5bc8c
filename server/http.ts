/**
 * The one process: Next.js and socket.io on the same HTTP server and port.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server as HttpServer } from "node:http";
import type { TLSSocket } from "node:tls";
import type { AddressInfo } from "node:net";
import next from "next";
import { createAdapter } from "@socket.io/redis-adapter";
import { Server as SocketServer } from "socket.io";
import { IDLE_MS, MemoryRankStore, RedisRankStore } from "./boards/ranks";
import { connectRedis } from "./boards/redis-rank";
import { BoardLive, type LiveServer } from "./live/boards";
import type { Config } from "./config";
import { setRuntime, type Runtime } from "./runtime";
import type { Db } from "./db/client";
import { MemoryRateLimiter, RedisRateLimiter } from "./runs/rate-limit";
import { createVerifierPool } from "./runs/verify-pool";
import { CONNECTION_HEADERS } from "./api/connection";
import { errorBody, httpError, toHttpError, type HttpError } from "./api/errors";
import { applySecurityHeaders } from "./security/headers";
import { resolveConnection, type TrustedProxies } from "./security/proxy";
import { ownOrigin } from "./security/origin";

export interface RunningServer {
  url: string;
  http: HttpServer;
  runtime: Runtime;
  close(): Promise<void>;
}

/**
 * Works out the client's address and scheme once, from the socket and the headers of trusted
 * proxies only, and hands them to route handlers in headers of our own (client-sent copies of those
 * headers are dropped first, so they cannot be forged).
 */
function markConnection(req: IncomingMessage, proxies: TrustedProxies) {
  const connection = resolveConnection(
    proxies,
    { address: req.socket.remoteAddress ?? "unknown", encrypted: Boolean((req.socket as TLSSocket).encrypted) },
    headerText(req.headers["x-forwarded-for"]),
    headerText(req.headers["x-forwarded-proto"]),
  );
  req.headers[CONNECTION_HEADERS.ip] = connection.ip;
  req.headers[CONNECTION_HEADERS.https] = connection.https ? "1" : "0";
  return connection;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * A path Next.js cannot decode (bad percent-encoding) or one holding a NUL byte: answered here with
 * a JSON 400, before Next fails on it with a plain-text 500.
 */
function refuseBadPath(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "/").split("?")[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = "\0";
  }
  if (!decoded.includes("\0")) return false;
  answerError(res, httpError("invalid_path", "The request path is not validly encoded."));
  return true;
}

/** The methods Next.js hands to route handlers and pages; it answers any other itself (an empty 400, TRACE a 500). */
const NEXT_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

/** A method no route takes (PROPFIND, TRACE, ...): a JSON 405 here, as a route answers one it does not take. */
function refuseUnknownMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (NEXT_METHODS.includes(req.method ?? "")) return false;
  const allow = NEXT_METHODS.join(", ");
  answerError(res, httpError("method_not_allowed", `${req.method} is not supported here; use ${allow}.`, { Allow: allow }));
  return true;
}

function answerError(res: ServerResponse, error: HttpError) {
  res.writeHead(error.status, { ...error.headers, "content-type": "application/json" });
  res.end(JSON.stringify(errorBody(error)));
}

export async function startHttpServer(options: { config: Config; db: Db; dev: boolean; dir: string }): Promise<RunningServer> {
  const { config, db, dev, dir } = options;
  const app = next({ dev, dir, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Loaded once Next has set up its request context (next/server needs it), like the route files.
  const { answerInFront } = await import("./api/in-front");
  const publicHttps = config.PUBLIC_URL?.startsWith("https:") ?? false;
  const http = createServer((req, res) => {
    const connection = markConnection(req, config.TRUST_PROXY);
    // Before anything answers, so every answer (the bad-path 400 too) carries them.
    applySecurityHeaders(req, res, { dev, secure: publicHttps || connection.https });
    if (refuseBadPath(req, res) || refuseUnknownMethod(req, res)) return;
    const onError = (err: unknown) => answerError(res, toHttpError(err));
    if (answerInFront(req, res, onError)) return;
    void handle(req, res);
  });

  // socket.io answers its own path; every other upgrade (Next's hot reload in dev) goes to Next.
  // Browsers may connect only from the allowed origins; clients without an Origin (not browsers) may.
  const io: LiveServer = new SocketServer(http, {
    path: "/socket.io",
    destroyUpgrade: false,
    serveClient: false,
    allowRequest(req, callback) {
      const connection = markConnection(req, config.TRUST_PROXY);
      const origin = req.headers.origin;
      const allowed = config.SOCKET_ORIGINS ?? [ownOrigin(config.PUBLIC_URL, req.headers.host ?? null, connection.https)];
      callback(origin === undefined || allowed.includes(origin) ? null : "origin not allowed", origin === undefined || allowed.includes(origin));
    },
  });
  const nextUpgrade = app.getUpgradeHandler();
  http.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void nextUpgrade(req, socket, head);
  });

  // Several instances share ranks, live messages, version numbers and rate limits through Redis.
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL) : null;
  const subscriber = redis ? await redis.duplicate().connect() : null;
  if (redis && subscriber) io.adapter(createAdapter(redis, subscriber));
  const ranks = redis ? new RedisRankStore(db, redis) : new MemoryRankStore(db);
  const live = new BoardLive(io, db, ranks, redis, {
    sessionTtlMs: config.SESSION_TTL_DAYS * 24 * 3600 * 1000,
    maxSubscriptions: config.SOCKET_MAX_SUBSCRIPTIONS,
  });
  // Boards nobody reads leave memory (they reload on their next read).
  const sweep = ranks instanceof MemoryRankStore ? setInterval(() => ranks.sweep(), IDLE_MS / 4) : null;
  sweep?.unref();
  const verifier = createVerifierPool({ threads: config.VERIFY_THREADS, maxQueue: config.VERIFY_QUEUE });
  const runtime: Runtime = { config, db, io, live, ranks, verifier, limiter: redis ? new RedisRateLimiter(redis) : new MemoryRateLimiter() };
  setRuntime(runtime);

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.HOST === "0.0.0.0" ? "localhost" : config.HOST;
  return {
    url: `http://${host}:${port}`,
    http,
    runtime,
    async close() {
      live.close();
      if (sweep) clearInterval(sweep);
      await io.close(); // also closes the HTTP server
      await app.close();
      await Promise.all([subscriber?.close(), redis?.close(), verifier.close()]);
      await db.$disconnect();
    },
  };
}
