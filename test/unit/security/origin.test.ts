import { describe, expect, it } from "vitest";
import { foreignOrigin, ownOrigin, showsSameOrigin } from "../../../server/security/origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("same-origin rules", () => {
  it("takes the app's origin from PUBLIC_URL, else from the request's scheme and Host", () => {
    expect(ownOrigin("https://flick.example/some/path", "ignored:1", false)).toBe("https://flick.example");
    expect(ownOrigin(undefined, "Localhost:3000", false)).toBe("http://localhost:3000");
    expect(ownOrigin(undefined, "flick.example", true)).toBe("https://flick.example");
    expect(ownOrigin(undefined, null, false)).toBeNull();
  });

  it("calls out another site, another port or subdomain (same-site), and a null origin", () => {
    const own = "http://localhost:3000";
    expect(foreignOrigin(headers({ "sec-fetch-site": "cross-site" }), own)).toMatch(/cross-site/);
    expect(foreignOrigin(headers({ "sec-fetch-site": "same-site" }), own)).toMatch(/same-site/);
    expect(foreignOrigin(headers({ origin: "http://localhost:4000" }), own)).toMatch(/localhost:4000/);
    expect(foreignOrigin(headers({ origin: "null" }), own)).not.toBeNull();
    expect(foreignOrigin(headers({ origin: own, "sec-fetch-site": "same-origin" }), own)).toBeNull();
    expect(foreignOrigin(headers({ "sec-fetch-site": "none" }), own)).toBeNull();
    expect(foreignOrigin(headers({}), own)).toBeNull();
  });

  it("needs positive evidence of a same-origin page for cookie-authenticated writes", () => {
    const own = "http://localhost:3000";
    expect(showsSameOrigin(headers({ "sec-fetch-site": "same-origin" }), own)).toBe(true);
    expect(showsSameOrigin(headers({ origin: own }), own)).toBe(true);
    expect(showsSameOrigin(headers({}), own)).toBe(false);
    expect(showsSameOrigin(headers({ origin: "http://localhost:4000" }), own)).toBe(false);
  });
});
