/**
 * `npm run kiosk:revoke -- --id <kiosk id>`: revokes a kiosk (a lost or retired booth machine) until
 * the admin dashboard does it: its credential and its open booth sessions are refused from the next
 * request on (server/kiosks/revoke-kiosk.ts). Audited as an admin action.
 */
import { revokeKiosk } from "../server/kiosks/revoke-kiosk";
import { commandConfig, fail, parseFlags, withDb } from "./cli";

const USAGE = "usage: npm run kiosk:revoke -- --id <kiosk id>";
const values = parseFlags(USAGE, { id: { type: "string" } });
if (!values.id) fail(`--id is required (npm run kiosk:create prints it)\n${USAGE}`);

await withDb(commandConfig(), async (db) => {
  await revokeKiosk(db, values.id!, { actorType: "admin", actorId: "cli" });
  console.log(`Kiosk ${values.id} is revoked: its device and booth sessions are refused from now on.`);
});
