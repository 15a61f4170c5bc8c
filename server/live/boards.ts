/**
 * Live boards over socket.io. A client subscribes to a board (and may say which player it is);
 * when a verified run changes the board, subscribers get `board:update` with the top entries, and
 * a subscribed player whose rank changed gets `board:rank`. Updates are coalesced to at most one per
 * board per `intervalMs`, and numbered: a client that sees a gap in `version` missed one and
 * refetches. Across app instances the socket.io Redis adapter carries the messages and Redis
 * numbers the versions.
 */
import type { Server as SocketServer, Socket } from "socket.io";
import { z } from "zod";
import type { Db } from "../db/client";
import { boardKey, TIER_FILTERS, type BoardId } from "../boards/board";
import { readBoardPage, resolveBoard, type BoardMeta } from "../boards/read";
import type { RankStore } from "../boards/ranks";
import type { RedisCommander } from "../boards/redis-rank";
import { currentChallenge } from "../challenge/current";

const subscribeSchema = z.strictObject({
  scenario: z.string().min(1).max(64),
  period: z.string().max(16),
  tier: z.enum(TIER_FILTERS),
  key: z.string().max(40).optional(),
  playerId: z.string().max(64).optional(),
});

export const TOP_N = 10;
const room = (key: string) => `board:${key}`;

export class BoardLive {
  private readonly pending = new Map<string, { board: BoardId; timer: ReturnType<typeof setTimeout> }>();
  private readonly versions = new Map<string, number>();

  constructor(
    private readonly io: SocketServer,
    private readonly db: Db,
    private readonly ranks: RankStore,
    private readonly redis: RedisCommander | null,
    private readonly intervalMs = 250,
  ) {
    io.on("connection", (socket) => this.onConnection(socket));
  }

  private onConnection(socket: Socket) {
    socket.data.ranks = {} as Record<string, number | null>;
    socket.on("board:subscribe", async (payload: unknown, ack?: (answer: unknown) => void) => {
      const reply = typeof ack === "function" ? ack : () => {};
      const parsed = subscribeSchema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: { code: "validation_failed", message: parsed.error.issues[0]?.message } });
      try {
        const q = parsed.data;
        const { board, meta } = await resolveBoard(this.db, await currentChallenge(this.db), { scenarioId: q.scenario, ...q }, new Date());
        const key = boardKey(board);
        await socket.join(room(key));
        if (q.playerId) {
          socket.data.playerId = q.playerId;
          socket.data.ranks[key] = await this.ranks.rankOf(board, q.playerId);
        }
        reply({ ok: true, board: meta, version: await this.currentVersion(key) });
      } catch (err) {
        reply({ ok: false, error: { code: (err as { code?: string }).code ?? "error", message: (err as Error).message } });
      }
    });
    socket.on("board:unsubscribe", async (payload: { board?: string }) => {
      if (typeof payload?.board === "string") await socket.leave(room(payload.board));
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
      readBoardPage(this.db, this.ranks, board, TOP_N),
      this.ranks.size(board),
    ]);
    const meta: Pick<BoardMeta, "scenario" | "period" | "key" | "tier"> = {
      scenario: board.scenarioId,
      period: board.periodKind,
      key: board.periodKey,
      tier: board.tier,
    };
    this.io.to(room(key)).emit("board:update", { board: meta, version, top: entries, size });
    // Each subscribed player whose own rank moved hears about it (sockets on every instance).
    for (const socket of await this.io.in(room(key)).fetchSockets()) {
      const playerId = socket.data.playerId as string | undefined;
      if (!playerId) continue;
      const rank = await this.ranks.rankOf(board, playerId);
      const seen = (socket.data.ranks as Record<string, number | null> | undefined)?.[key];
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
