/** Rate limits on run starts and finishes: 429 with Retry-After, per player and per address. */
import { expect, it } from "vitest";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { createInputLog } from "../../game/core";

const app = useAppServer({ RUN_RATE_PER_PLAYER: "3", RUN_RATE_PER_IP: "5" });
const start = (token: string) => app.api.post("/api/runs", { scenario: "gridshot", tier: "free" }, token);

it("limits run starts per player, then per address", async () => {
  const a = await app.api.player("ra");
  const b = await app.api.player("rb");
  const c = await app.api.player("rc");
  for (let i = 0; i < 3; i++) expect((await start(a.token)).status).toBe(201);
  const limited = await start(a.token);
  expect(limited.status).toBe(429);
  expect(limited.body.error.code).toBe("rate_limited");
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

  // b is under its own limit until the address (5 a minute) is used up.
  expect((await start(b.token)).status).toBe(201);
  expect((await start(b.token)).status).toBe(201);
  expect((await start(c.token)).status).toBe(429);
});

it("limits finishes per player", async () => {
  const p = await app.api.player("rf");
  const body = finishBody(createInputLog({ frames: [16.6875] }));
  const codes: number[] = [];
  for (let i = 0; i < 4; i++) codes.push((await app.api.post(`/api/runs/missing-${i}/finish`, body, p.token)).status);
  expect(codes).toEqual([404, 404, 404, 429]);
});
