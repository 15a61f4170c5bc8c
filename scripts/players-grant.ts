/**
 * `npm run players:grant -- --handle <handle> --tier ultimate --days <n>`: an operator grants a player
 * Ultimate (audited as an admin grant). Until the admin dashboard does it, this is how memberships are
 * given by hand.
 */
import { transact } from "../server/db/transact";
import { grantMembership } from "../server/memberships/grant-membership";
import { membershipStatus } from "../server/memberships/membership";
import { handleKey } from "../server/players/handles";
import { commandConfig, fail, parseFlags, withDb } from "./cli";

const USAGE = "usage: npm run players:grant -- --handle <handle> --tier ultimate --days <1-3660>";
const values = parseFlags(USAGE, { handle: { type: "string" }, tier: { type: "string" }, days: { type: "string" } });
if (!values.handle) fail(`--handle is required\n${USAGE}`);
if (values.tier !== "ultimate") fail(`--tier must be ultimate (the free tier needs no grant)\n${USAGE}`);
const days = Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > 3660) fail(`--days must be a whole number from 1 to 3660 (got ${JSON.stringify(values.days)})\n${USAGE}`);

await withDb(commandConfig(), async (db) => {
  const player = await db.player.findUnique({ where: { handleKey: handleKey(values.handle!) } });
  if (!player) fail(`no player with the handle ${JSON.stringify(values.handle)}`);
  await transact(db, (tx) => grantMembership(tx, { playerId: player.id, length: { days }, source: "admin", actor: { actorType: "admin", actorId: "cli" } }));
  const status = await membershipStatus(db, player.id);
  console.log(`${player.handle}: ultimate until ${status.expiresAt ?? "(no end)"}`);
});
