/** Generated handles: nobody may choose one, and a deleted account's placeholder has no profile to link to. */
import { describe, expect, it } from "vitest";
import { DELETED_PREFIX, GUEST_PREFIX } from "../../../lib/contracts/handles";
import { hasProfile, profileHref } from "../../../lib/contracts/profiles";
import { validateHandle } from "../../../server/players/handles";
import { generatedHandle } from "../../../server/players/players";

describe("generated handles", () => {
  it("are refused when typed, in any case", () => {
    for (const prefix of [GUEST_PREFIX, DELETED_PREFIX]) {
      const handle = generatedHandle(prefix);
      expect(handle).toMatch(new RegExp(`^${prefix}[2-9a-hjkmnp-z]{6}$`));
      expect(() => validateHandle(handle.toUpperCase())).toThrow(/are kept for/);
    }
    expect(validateHandle("guesthouse")).toBe("guesthouse");
  });

  it("link to a profile, except a deleted account's placeholder", () => {
    expect(hasProfile(generatedHandle(GUEST_PREFIX))).toBe(true);
    expect(hasProfile("Ava")).toBe(true);
    expect(hasProfile(generatedHandle(DELETED_PREFIX))).toBe(false);
    expect(profileHref("dot.ted")).toBe("/players/dot.ted");
  });
});
