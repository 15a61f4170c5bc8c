/**
 * Finding F3: behind a trusted proxy the client address is the right-most address that is not a
 * proxy of ours, so entries a client writes into X-Forwarded-For do not dodge per-address limits;
 * sign-ups are limited per address.
 */
import { describe, expect, it } from "vitest";
import { useAppServer } from "../support/app";

async function startRun(url: string, token: string, forwardedFor: string) {
  const res = await fetch(`${url}/api/runs`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ scenario: "gridshot", tier: "free" }),
  });
  return res.status;
}

describe.each([
  ["a hop count", "1"],
  ["a proxy address list", "127.0.0.1,10.0.0.0/8"],
])("with TRUST_PROXY as %s", (_name, trust) => {
  const app = useAppServer({ TRUST_PROXY: trust, RUN_RATE_PER_IP: "5", RUN_RATE_PER_PLAYER: "100" });

  it("counts a client's forged X-Forwarded-For entries against the address the proxy saw", async () => {
    const players = await Promise.all(Array.from({ length: 3 }, () => app.api.player("xf")));
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      // What the proxy forwards: the client's own header, then the client's real address.
      codes.push(await startRun(app.server.url, players[i % 3]!.token, `203.0.113.${i}, 198.51.100.7`));
    }
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    // Another real client behind the same proxy has its own allowance.
    expect(await startRun(app.server.url, players[0]!.token, "198.51.100.8")).toBe(201);
  });
});

describe("without a trusted proxy", () => {
  const app = useAppServer({ RUN_RATE_PER_IP: "3", RUN_RATE_PER_PLAYER: "100", SIGNUP_RATE_PER_IP: "4" });

  it("ignores X-Forwarded-For entirely", async () => {
    const p = await app.api.player("nx");
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push(await startRun(app.server.url, p.token, `198.51.100.${i}`));
    expect(codes).toEqual([201, 201, 201, 429, 429]);
  });

  it("limits sign-ups per address (the player above was the first of four)", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${app.server.url}/api/players`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}` },
        body: JSON.stringify({ handle: `signup_${i}_${Date.now() % 100000}` }),
      });
      codes.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(codes).toEqual([201, 201, 201, 429, 429]);
  });
});
