/**
 * Base data every database needs (the built-in scenarios, the default challenge) and, on an empty
 * database, demo players to look at. `npm start` runs it; `npm run db:seed` runs it by hand.
 */
import crypto from "node:crypto";
import type { Db } from "../server/db/client";
import { DEFAULT_CHALLENGE } from "../server/challenge/defaults";
import { syncScenarios } from "../server/scenarios/sync";

const DEMO_HANDLES = ["FlickQueen", "TrackStar", "Raisy_demo", "KovaFan", "PixelPeek", "SwitchBlade"];

export async function seedBaseData(db: Db): Promise<void> {
  await syncScenarios(db);
  if ((await db.challenge.count()) === 0) await db.challenge.create({ data: DEFAULT_CHALLENGE });
}

/** Demo players, only on a database without players. Returns how many it created. */
export async function seedDemo(db: Db): Promise<number> {
  if ((await db.player.count()) > 0) return 0;
  for (const handle of DEMO_HANDLES) {
    await db.player.create({
      data: {
        handle,
        handleKey: handle.toLowerCase(),
        // Demo accounts have no usable session: the hash of a random secret nobody holds.
        tokenHash: crypto.createHash("sha256").update(crypto.randomBytes(32)).digest("hex"),
      },
    });
  }
  return DEMO_HANDLES.length;
}
