import { describe, expect, it } from "vitest";
import { conditionalJson } from "../../../server/api/conditional";

const request = (ifNoneMatch?: string) => ({ headers: { get: (name: string) => (name === "if-none-match" ? (ifNoneMatch ?? null) : null), has: () => false } });

describe("conditionalJson", () => {
  it("builds an answer many clients repeat once per ETag, and one client's own each time it is sent", async () => {
    let builds = 0;
    const build = async () => ({ n: ++builds });
    const shared = await conditionalJson(request(), ["shared", 1], build);
    expect(shared.text).toBe('{"n":1}');
    expect((await conditionalJson(request(), ["shared", 1], build)).text).toBe('{"n":1}');
    expect(builds).toBe(1);

    const own = await conditionalJson(request(), ["own", 1], build, { keep: false });
    expect((await conditionalJson(request(), ["own", 1], build, { keep: false })).text).not.toBe(own.text);
    expect(builds).toBe(3);
    // Both carry the same ETag, and a client that sends it gets a 304 without a build.
    expect(own.headers.etag).toBe((await conditionalJson(request(), ["own", 1], build, { keep: false })).headers.etag);
    const again = await conditionalJson(request(own.headers.etag), ["own", 1], build, { keep: false });
    expect(again.status).toBe(304);
    expect(builds).toBe(4);
  });

  it("an answer without parts has no ETag and is not stored", async () => {
    let builds = 0;
    const answer = await conditionalJson(request(), null, async () => ++builds);
    await conditionalJson(request(), null, async () => ++builds);
    expect(builds).toBe(2);
    expect(answer.headers.etag).toBeUndefined();
    expect(answer.headers["cache-control"]).toBe("no-store");
  });
});
