/** The real server (server.ts in production mode) on SQLite, and on a PostgreSQL that goes away. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable } from "../support/databases";
import { startPostgres, createDatabase, type LocalPostgres } from "../support/postgres";
import { startAppServer, tempSqliteUrl, type AppServer } from "../support/server";

describe("on SQLite", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({ DATABASE_URL: tempSqliteUrl() });
  });
  afterAll(() => server?.stop());

  it("answers /api/health with the database ok", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "ok" });
  });

  it("serves the home page", async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Flickboard");
  });

  it("migrated and seeded the database on start", () => {
    expect(server.output()).toMatch(/sqlite: applied \d{14}_init/);
  });
});

describe.skipIf(!postgresAvailable || Boolean(process.env.PG_URL))("on PostgreSQL", () => {
  let pgServer: LocalPostgres;
  let server: AppServer;
  beforeAll(async () => {
    pgServer = await startPostgres();
    server = await startAppServer({ DATABASE_URL: await createDatabase(pgServer.url, "health") });
  });
  afterAll(async () => {
    await server?.stop();
    pgServer?.stop();
  });

  it("is healthy, then answers 503 once the database is gone, with the reason in the log only", async () => {
    expect(server.output()).toMatch(/postgresql: applied \d{14}_init/);
    const ok = await fetch(`${server.url}/api/health`);
    expect(ok.status).toBe(200);

    pgServer.stop();
    const down = await fetch(`${server.url}/api/health`);
    expect(down.status).toBe(503);
    const body = await down.json();
    expect(body).toEqual({ ok: false, db: "unreachable" });
    await expect.poll(() => server.output()).toMatch(/health: database unreachable: \S/);
  });
});

describe("start-up", () => {
  it("refuses a bad configuration with a message naming the variable", async () => {
    await expect(startAppServer({ DATABASE_URL: "mysql://nope" })).rejects.toThrow(/DATABASE_URL: must start with "file:"/);
  });
});
