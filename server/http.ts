/**
 * The one process: Next.js and socket.io on the same HTTP server and port.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { createAdapter } from "@socket.io/redis-adapter";
import { Server as SocketServer } from "socket.io";
import { MemoryRankStore, RedisRankStore } from "./boards/ranks";
import { connectRedis } from "./boards/redis-rank";
import { BoardLive } from "./live/boards";
import type { Config } from "./config";
import { setRuntime, type Runtime } from "./runtime";
import type { Db } from "./db/client";
import { RateLimiter } from "./runs/rate-limit";

export interface RunningServer {
  url: string;
  http: HttpServer;
  runtime: Runtime;
  close(): Promise<void>;
}

export async function startHttpServer(options: { config: Config; db: Db; dev: boolean; dir: string }): Promise<RunningServer> {
  const { config, db, dev, dir } = options;
  const app = next({ dev, dir, hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const http = createServer((req, res) => {
    // Route handlers read the client address from X-Forwarded-For. Unless a trusted proxy sets it,
    // it is the socket's own address (a client-sent value would let anyone dodge per-IP limits).
    if (!config.TRUST_PROXY || !req.headers["x-forwarded-for"]) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    void handle(req, res);
  });

  // socket.io answers its own path; every other upgrade (Next's hot reload in dev) goes to Next.
  const io = new SocketServer(http, { path: "/socket.io", destroyUpgrade: false, serveClient: false });
  const nextUpgrade = app.getUpgradeHandler();
  http.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void nextUpgrade(req, socket, head);
  });

  // Several instances share ranks, live messages and version numbers through Redis.
  const redis = config.REDIS_URL ? await connectRedis(config.REDIS_URL) : null;
  const subscriber = redis ? await redis.duplicate().connect() : null;
  if (redis && subscriber) io.adapter(createAdapter(redis, subscriber));
  const ranks = redis ? new RedisRankStore(db, redis) : new MemoryRankStore(db);
  const live = new BoardLive(io, db, ranks, redis);
  const runtime: Runtime = { config, db, io, live, ranks, limiter: new RateLimiter() };
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
      await io.close(); // also closes the HTTP server
      await app.close();
      await Promise.all([subscriber?.close(), redis?.close()]);
      await db.$disconnect();
    },
  };
}
