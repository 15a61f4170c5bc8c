/**
 * Finding F6: socket.io accepts browsers only from allowed origins, caps subscriptions per
 * connection, takes the player from the session (never from a payload), and acks errors with a
 * code and a message meant for players, never internals. (Rank events reaching only their own
 * player are checked with a real verified run in live-boards.test.ts.)
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { useAppServer } from "../support/app";

const sockets: Socket[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

function open(url: string, options: { origin?: string; token?: string; transport?: "websocket" | "polling" } = {}): Promise<Socket> {
  const socket = connect(url, {
    path: "/socket.io",
    transports: [options.transport ?? "websocket"],
    extraHeaders: options.origin ? { origin: options.origin } : {},
    auth: options.token ? { token: options.token } : {},
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

describe("origins and subscriptions", () => {
  const app = useAppServer({ SOCKET_MAX_SUBSCRIPTIONS: "3" });

  it.each(["websocket", "polling"] as const)("refuses a browser from another origin (%s), accepts the app's own and non-browsers", async (transport) => {
    await expect(open(app.server.url, { origin: "https://evil.example", transport })).rejects.toThrow();
    await expect(open(app.server.url, { origin: "http://127.0.0.1:1", transport })).rejects.toThrow();
    await expect(open(app.server.url, { origin: app.server.url, transport })).resolves.toBeTruthy();
    await expect(open(app.server.url, { transport })).resolves.toBeTruthy();
  });

  it("caps the boards one connection follows, and frees a place on unsubscribe", async () => {
    const socket = await open(app.server.url);
    const sub = (period: string, tier = "all") => socket.emitWithAck("board:subscribe", { scenario: "gridshot", period, tier });
    for (const period of ["day", "week", "challenge"]) expect((await sub(period)).ok).toBe(true);
    expect(await sub("week")).toMatchObject({ ok: true }); // already followed: no new place needed
    expect(await sub("all")).toEqual({ ok: false, error: { code: "too_many_subscriptions", message: expect.stringContaining("3") } });
    const week = await sub("week");
    socket.emit("board:unsubscribe", { board: `gridshot|week|${week.board.key}|all` });
    await expect.poll(async () => (await sub("all")).ok).toBe(true);
  });

  it("takes the player from the session, not from the payload", async () => {
    const p = await app.api.player("sk");
    const socket = await open(app.server.url, { token: p.token });
    const spoof = await socket.emitWithAck("board:subscribe", { scenario: "gridshot", period: "week", tier: "all", playerId: "someone-else" });
    expect(spoof).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect((await socket.emitWithAck("board:subscribe", { scenario: "gridshot", period: "week", tier: "all" })).ok).toBe(true);
  });
});

describe("error acks", () => {
  const app = useAppServer();

  it("say what a player can act on, and nothing about internals", async () => {
    const socket = await open(app.server.url);
    expect(await socket.emitWithAck("board:subscribe", { scenario: "nope", period: "week", tier: "all" })).toEqual({
      ok: false,
      error: { code: "scenario_not_found", message: 'No scenario "nope".' },
    });
    // Break the server's own database (a table it needs is gone): the fault is ours, and its text
    // stays in our log. A signed-in subscriber's rank loads the board, which reads that table.
    const p = await app.api.player("ack");
    const signedIn = await open(app.server.url, { token: p.token });
    const db = createDb(app.databaseUrl);
    await db.$executeRawUnsafe(`ALTER TABLE "BoardEntry" RENAME TO "BoardEntry_gone"`);
    await db.$disconnect();
    expect(await signedIn.emitWithAck("board:subscribe", { scenario: "gridshot", period: "day", tier: "ultimate" })).toEqual({
      ok: false,
      error: { code: "internal_error", message: "Something went wrong on our side." },
    });
    signedIn.close();
    await expect.poll(() => app.server.output()).toMatch(/no such table.*BoardEntry/);
  });
});
