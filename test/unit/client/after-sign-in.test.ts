/** Where /signin sends a player after signing in: only a path on this site, else /account. */
import { describe, expect, it } from "vitest";
import { afterSignInPath } from "../../../game/client/accounts-api";

describe("afterSignInPath", () => {
  it("follows a path on this site", () => {
    expect(afterSignInPath("/play/gridshot")).toBe("/play/gridshot");
    expect(afterSignInPath("/leaderboards?period=week")).toBe("/leaderboards?period=week");
  });

  it("goes to /account without one, or for anything that could leave the site", () => {
    for (const next of [null, undefined, "", "account", "https://evil.example/", "//evil.example/x", "/\\evil.example", "/\tx", "javascript:alert(1)"]) {
      expect(afterSignInPath(next), String(next)).toBe("/account");
    }
  });
});
