import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";

describe("loadConfig", () => {
  it("defaults to SQLite on port 3000 with nothing set", () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe("file:./data/flickboard.db");
    expect(config.PORT).toBe(3000);
    expect(config.SEED_DEMO).toBe(true);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it("accepts PostgreSQL and Redis URLs", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://u@db/flick", REDIS_URL: "redis://cache:6379", PORT: "8080" });
    expect(config).toMatchObject({ DATABASE_URL: "postgresql://u@db/flick", REDIS_URL: "redis://cache:6379", PORT: 8080 });
  });

  it("names every bad variable with the value it got", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", REDIS_URL: "http://x", CRON_SECRET: "short", SEED_DEMO: "yes" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const name of ["PORT", "DATABASE_URL", "REDIS_URL", "CRON_SECRET", "SEED_DEMO"]) expect(problems).toContain(name);
    expect(problems).toContain('"mysql://x"');
    expect((error as Error).message).toMatch(/^Invalid configuration:/);
  });

  it("treats an empty variable as unset", () => {
    const config = loadConfig({ REDIS_URL: "", PORT: "" });
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_URL).toBeUndefined();
  });
});

describe("security settings", () => {
  it("reads TRUST_PROXY as none, hops or an address list, and refuses the ambiguous true", () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual({ kind: "none" });
    expect(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toEqual({ kind: "hops", hops: 2 });
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8" }).TRUST_PROXY.kind).toBe("list");
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: "true" is ambiguous/);
  });

  it("takes socket origins as a list of origins, and PUBLIC_URL as an absolute http(s) URL", () => {
    expect(loadConfig({ SOCKET_ORIGINS: "https://a.example/, http://b.example:8080" }).SOCKET_ORIGINS).toEqual(["https://a.example", "http://b.example:8080"]);
    expect(() => loadConfig({ SOCKET_ORIGINS: "a.example" })).toThrow(/SOCKET_ORIGINS/);
    expect(() => loadConfig({ PUBLIC_URL: "flick.example" })).toThrow(/PUBLIC_URL/);
    expect(loadConfig({ PUBLIC_URL: "https://flick.example" }).PUBLIC_URL).toBe("https://flick.example");
  });
});
