/**
 * Live boards over socket.io. A client subscribes to boards (at most `maxSubscriptions` at once);
 * when a verified run changes a board, subscribers get `board:update` with the top entries, and a
 * signed-in player whose own rank changed gets `board:rank`. Who the player is comes from the
 * connection's session (the cookie, or `auth.token` for API clients), never from a payload, so a
 * socket hears only its own player's ranks. Updates are coalesced to at most one per board per
 * `intervalMs`, and numbered: a client that sees a gap in `version` missed one and refetches.
 * Across app instances the socket.io Redis adapter carries the messages and Redis numbers the
 * versions. Error acks carry a code and a message meant for players, never internals.
 */
import type { Server as SocketServer, Socket } from "socket.io";
import {
  subscribeSchema,
  unsubscribeSchema,
  type BoardRef,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "../../lib/contracts/live";
import { errorBody, toHttpError } from "../api/errors";
import type { Db } from "../db/client";
import { LimitReached } from "../errors";
import { authenticate, SESSION_COOKIE } from "../players/session";
import { boardKey, type BoardId } from "../boards/board";
import { readBoardPage, resolveBoard } from "../boards/read";
import type { RankStore } from "../boards/ranks";
import type { RedisCommander } from "../boards/redis-rank";
import { currentChallenge } from "../challenge/challenge";

/** What the server keeps per connection: its signed-in player, and that player's last ranks per board. */
export interface LiveSocketData {
  playerId?: string;
  ranks: Record<string, number | null>;
}

export type LiveServer = SocketServer<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

export interface LiveOptions {
  /** Sliding session expiry, to authenticate connections as the HTTP API does. */
  sessionTtlMs: number;
  /** Boards one socket may follow at once. */
  maxSubscriptions: number;
  /** Coalescing interval of board updates. */
  intervalMs?: number;
}

/** The session token a socket.io connection presents: `auth.token`, else the session cookie. */
function handshakeToken(socket: LiveSocket): string | null {
  const auth = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
  if (typeof auth === "string") return auth;
  for (const part of (socket.handshake.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=");
  }
  return null;
}

/** Entries a board:update carries: the first page a board shows, so clients apply it as it is. */
export const LIVE_TOP = 25;
const room = (key: string) => `board:${key}`;

export class BoardLive {
  private readonly pending = new Map<string, { board: BoardId; timer: ReturnType<typeof setTimeout> }>();
  private readonly versions = new Map<string, number>();

  private readonly intervalMs: number;

  constructor(
    private readonly io: LiveServer,
    private readonly db: Db,
    private readonly ranks: RankStore,
    private readonly redis: RedisCommander | null,
    private readonly options: LiveOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 250;
    io.use((socket, next) => {
      this.identify(socket).then(() => next(), next);
    });
    io.on("connection", (socket) => this.onConnection(socket));
  }

  /** The connection's player, from its session; anonymous when it presents none (or a dead one). */
  private async identify(socket: LiveSocket) {
    const token = handshakeToken(socket);
    const found = token ? await authenticate(this.db, token, { ttlMs: this.options.sessionTtlMs }) : null;
    socket.data.playerId = found?.player.id;
    socket.data.ranks = {};
  }

  private onConnection(socket: LiveSocket) {
    const subscriptions = () => [...socket.rooms].filter((r) => r.startsWith("board:")).length;
    // Payloads are typed by the event maps, but come from clients: each is parsed before use.
    socket.on("board:subscribe", async (payload, ack) => {
      const reply: typeof ack = typeof ack === "function" ? ack : () => {};
      try {
        const parsed = subscribeSchema.safeParse(payload);
        if (!parsed.success) return reply({ ok: false, ...errorBody({ code: "validation_failed", message: parsed.error.issues[0]?.message ?? "invalid" }) });
        const q = parsed.data;
        const { board, meta } = await resolveBoard(this.db, await currentChallenge(this.db), { scenarioId: q.scenario, ...q }, new Date());
        const key = boardKey(board);
        if (!socket.rooms.has(room(key)) && subscriptions() >= this.options.maxSubscriptions) {
          throw new LimitReached("too_many_subscriptions", `A connection follows at most ${this.options.maxSubscriptions} boards; unsubscribe from one first.`);
        }
        await socket.join(room(key));
        const playerId = socket.data.playerId;
        if (playerId) socket.data.ranks[key] = await this.ranks.rankOf(board, playerId);
        reply({ ok: true, board: meta, version: await this.currentVersion(key) });
      } catch (err) {
        reply({ ok: false, ...errorBody(toHttpError(err)) });
      }
    });
    socket.on("board:unsubscribe", async (payload) => {
      const parsed = unsubscribeSchema.safeParse(payload);
      if (parsed.success) await socket.leave(room(parsed.data.board));
    });
  }

  /** A verified run changed this board: an update goes out within intervalMs. */
  changed(board: BoardId): void {
    const key = boardKey(board);
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.flush(board).catch((err) => console.error(`live update of ${key} failed:`, err));
    }, this.intervalMs);
    timer.unref?.();
    this.pending.set(key, { board, timer });
  }

  private async currentVersion(key: string): Promise<number> {
    if (this.redis) return Number((await this.redis.sendCommand(["GET", `fb:board:{${key}}:version`])) ?? 0);
    return this.versions.get(key) ?? 0;
  }

  private async nextVersion(key: string): Promise<number> {
    if (this.redis) return Number(await this.redis.sendCommand(["INCR", `fb:board:{${key}}:version`]));
    const v = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, v);
    return v;
  }

  private async flush(board: BoardId) {
    const key = boardKey(board);
    const [version, { entries }, size] = await Promise.all([
      this.nextVersion(key),
      readBoardPage(this.ranks, board, LIVE_TOP),
      this.ranks.size(board),
    ]);
    const meta: BoardRef = {
      scenario: board.scenarioId,
      period: board.periodKind,
      key: board.periodKey,
      tier: board.tier,
    };
    this.io.to(room(key)).emit("board:update", { board: meta, version, top: entries, size });
    // Each subscribed player whose own rank moved hears about it (sockets on every instance).
    for (const socket of await this.io.in(room(key)).fetchSockets()) {
      const playerId = socket.data.playerId;
      if (!playerId) continue;
      const rank = await this.ranks.rankOf(board, playerId);
      const seen = socket.data.ranks?.[key];
      if (rank === seen) continue;
      socket.data.ranks = { ...(socket.data.ranks ?? {}), [key]: rank };
      socket.emit("board:rank", { board: meta, version, rank });
    }
  }

  close(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
