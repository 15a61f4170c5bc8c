/**
 * `npm run kiosk:create -- --name <text> [--scenario <id>] [--run-seconds <n>] [--idle-seconds <n>]
 * [--cm360 <cm>] [--fov <deg>]`: registers a booth kiosk (until the admin dashboard does) and prints
 * its one-time pairing code and staff PIN, shown once: only their hashes are stored.
 */
import { newKioskSchema, registerKiosk } from "../server/kiosks/register-kiosk";
import { commandConfig, fail, parseFlags, withDb } from "./cli";

const USAGE =
  "usage: npm run kiosk:create -- --name <text> [--scenario <id>] [--run-seconds <5-300>] [--idle-seconds <5-600>] [--cm360 <cm>] [--fov <degrees>]";
const values = parseFlags(USAGE, {
  name: { type: "string" },
  scenario: { type: "string" },
  "run-seconds": { type: "string" },
  "idle-seconds": { type: "string" },
  cm360: { type: "string" },
  fov: { type: "string" },
});
const number = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const FLAG_OF: Record<string, string> = { runSeconds: "run-seconds", idleSeconds: "idle-seconds", hfovDeg: "fov" };
const spec = newKioskSchema.safeParse({
  name: values.name,
  scenario: values.scenario,
  runSeconds: number(values["run-seconds"]),
  idleSeconds: number(values["idle-seconds"]),
  settings: { ...(values.cm360 ? { cm360: number(values.cm360) } : {}), ...(values.fov ? { hfovDeg: number(values.fov) } : {}) },
});
if (!spec.success) {
  const problems = spec.error.issues.map((i) => `--${FLAG_OF[String(i.path.at(-1))] ?? String(i.path.at(-1))}: ${i.message}`);
  fail(`${problems.join("\n")}\n${USAGE}`);
}

await withDb(commandConfig(), async (db) => {
  const created = await registerKiosk(db, spec.data, { actorType: "admin", actorId: "cli" });
  const { kiosk } = created;
  console.log(`Kiosk "${kiosk.name}" (${kiosk.id}) plays ${kiosk.scenario.id} "${kiosk.scenario.name}", ${kiosk.scenario.durationMs / 1000} s runs.`);
  console.log(`Pairing code: ${created.pairingCode} (one use, until ${created.pairingExpiresAt.toISOString()}): open /kiosk on the booth machine and enter it.`);
  console.log(`Staff PIN: ${created.pin} (leaves kiosk mode)`);
});
