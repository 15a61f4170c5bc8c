/**
 * `npm run membership:code -- --label <text> --days <n> --uses <n> --expires <date>`: creates a
 * membership code (e.g. an event's trial) and prints it. The code is shown once: only its hash is
 * stored.
 */
import { createMembershipCode, newCodeSchema } from "../server/memberships/create-code";
import { commandConfig, fail, parseFlags, withDb } from "./cli";

const USAGE = "usage: npm run membership:code -- --label <text> --days <1-366> --uses <1-100000> --expires <ISO date>";
const values = parseFlags(USAGE, { label: { type: "string" }, days: { type: "string" }, uses: { type: "string" }, expires: { type: "string" } });
const spec = newCodeSchema.safeParse({ label: values.label, days: Number(values.days), maxUses: Number(values.uses), expiresAt: values.expires });
if (!spec.success) fail(`${spec.error.issues.map((i) => `--${i.path[0] === "maxUses" ? "uses" : i.path[0] === "expiresAt" ? "expires" : String(i.path[0])}: ${i.message}`).join("\n")}\n${USAGE}`);
if (spec.data.expiresAt <= new Date()) fail(`--expires must be in the future\n${USAGE}`);

await withDb(commandConfig(), async (db) => {
  const created = await createMembershipCode(db, spec.data, { actorType: "admin", actorId: "cli" });
  console.log(created.code);
  console.log(`${created.label}: ${created.days} days of Ultimate, ${created.maxUses} uses, valid until ${created.expiresAt.toISOString()}`);
});
