/**
 * `npm run anticheat:calibrate`: generates honest human-like runs at three skill levels
 * (server/demo/human-player.ts) and the attack runs of test/support/attacks.ts, replays every one
 * through the real verifier, and prints per scenario and tier the share of honest runs verified
 * and what became of each attack. The tables in docs/anti-cheat.md come from this command.
 *
 * Options: --runs N honest runs per skill level (default 100, so 300 per scenario and tier),
 * --attack-runs M runs per attack (default 3), --scenario ID (repeatable).
 */
import { builtInScenarios, decodeLog, fromBase64, isClickingKind, Rng, TIERS, type Scenario, type Tier } from "../game/core";
import { runHuman, SKILL_LEVELS, DEMO_SETTINGS, demoEnvironment } from "../server/demo/human-player";
import { scenarioLimits, trackingScoreCeiling } from "../server/runs/human-limits";
import { trackingMeasures } from "../server/runs/behaviour";
import { ATTACKS, judge, type Outcome } from "../test/support/attacks";
import { encodeLog, toBase64 } from "../game/core";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const runsPerSkill = option("runs", 100);
const attackRuns = option("attack-runs", 3);
const wanted = process.argv.flatMap((a, i) => (process.argv[i - 1] === "--scenario" ? [a] : []));
const scenarios = builtInScenarios.filter((s) => wanted.length === 0 || wanted.includes(s.id));

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : "–");

interface Row {
  scenario: string;
  tier: string;
  honest: number;
  verified: number;
  bySkill: string[];
  flags: Map<string, number>;
  scores: string[];
  attacks: number;
  caught: number;
  review: number;
  aboveCeilingVerified: number;
}

function honestRuns(sc: Scenario, tier: Tier, row: Row): void {
  for (const [s, skill] of SKILL_LEVELS.entries()) {
    let verified = 0;
    const scores: number[] = [];
    for (let k = 0; k < runsPerSkill; k++) {
      const seed = (0x9e3779b1 * (k + 1) + s * 7919) >>> 0;
      const { sim, result } = runHuman(sc, seed, tier, new Rng(seed, 17 + s), DEMO_SETTINGS, skill);
      const { outcome, verification } = judge(sc, seed, tier, {
        logBase64: toBase64(encodeLog(sim.log())),
        environment: demoEnvironment(tier),
        elapsedMs: sc.durationMs + 1000 + (k % 5) * 1000,
        score: result.score,
      });
      scores.push(result.score);
      if (outcome === "verified") verified++;
      for (const f of verification?.findings ?? []) {
        if (f.severity !== "review") row.flags.set(`${f.code}/${f.severity}`, (row.flags.get(`${f.code}/${f.severity}`) ?? 0) + 1);
      }
    }
    row.honest += runsPerSkill;
    row.verified += verified;
    row.bySkill.push(pct(verified, runsPerSkill));
    scores.sort((a, b) => a - b);
    row.scores.push(`${scores[scores.length >> 1]}`);
  }
}

/** Per attack, over every scenario and tier it applies to. */
interface AttackTotals {
  weakness: string;
  runs: number;
  rejected: number;
  flagged: number;
  review: number;
  verified: number;
  aboveCeilingVerified: number;
  codes: Set<string>;
}
const totals = new Map<string, AttackTotals>();

function attackRunsFor(sc: Scenario, tier: Tier, row: Row, details: string[]): void {
  const ceiling = scenarioLimits(sc, tier).plausibleScore;
  for (const attack of ATTACKS) {
    if (!attack.applies(sc, tier)) continue;
    const outcomes: Record<Outcome | "review", number> = { verified: 0, flagged: 0, rejected: 0, refused: 0, review: 0 };
    const codes = new Set<string>();
    let best = 0;
    let aboveCeiling = 0;
    for (let k = 0; k < attackRuns; k++) {
      const seed = (0x85ebca6b * (k + 3)) >>> 0;
      const submission = attack.build(sc, seed, tier, new Rng(seed, 99));
      const { outcome, verification } = judge(sc, seed, tier, submission);
      const reviewOnly = outcome === "verified" && (verification?.findings.some((f) => f.severity === "review") ?? false);
      outcomes[reviewOnly ? "review" : outcome]++;
      best = Math.max(best, submission.score ?? 0);
      if (verification?.reasonCode) codes.add(verification.reasonCode);
      if (outcome === "refused") codes.add("environment refused (400)");
      // Tracking: the ceiling of this seed (slow targets let anyone stay on them).
      const runCeiling =
        isClickingKind(sc.kind) || !verification?.result
          ? ceiling
          : trackingScoreCeiling(sc, tier, trackingMeasures({ scenario: sc, seed, tier, settings: DEMO_SETTINGS, log: decodeLog(fromBase64(submission.logBase64)), result: verification.result }).targetSpeed);
      if (outcome === "verified" && !reviewOnly && (submission.score ?? 0) > runCeiling) {
        row.aboveCeilingVerified++;
        aboveCeiling++;
      }
    }
    const total = totals.get(attack.name) ?? { weakness: attack.weakness, runs: 0, rejected: 0, flagged: 0, review: 0, verified: 0, aboveCeilingVerified: 0, codes: new Set<string>() };
    totals.set(attack.name, total);
    total.runs += attackRuns;
    total.rejected += outcomes.rejected + outcomes.refused;
    total.flagged += outcomes.flagged;
    total.review += outcomes.review;
    total.verified += outcomes.verified;
    total.aboveCeilingVerified += aboveCeiling;
    for (const c of codes) total.codes.add(c);
    row.attacks += attackRuns;
    row.caught += outcomes.rejected + outcomes.flagged + outcomes.refused;
    row.review += outcomes.review;
    details.push(
      `| ${sc.id} | ${tier.name} | ${attack.name} | ${outcomes.rejected + outcomes.refused} | ${outcomes.flagged} | ${outcomes.review} | ${outcomes.verified} | ${best} / ${ceiling} | ${[...codes].join(", ")} |`,
    );
  }
}

const rows: Row[] = [];
const details: string[] = [];
const started = Date.now();
for (const sc of scenarios) {
  for (const tier of [TIERS.free, TIERS.ultimate]) {
    const row: Row = { scenario: sc.id, tier: tier.name, honest: 0, verified: 0, bySkill: [], flags: new Map(), scores: [], attacks: 0, caught: 0, review: 0, aboveCeilingVerified: 0 };
    honestRuns(sc, tier, row);
    attackRunsFor(sc, tier, row, details);
    rows.push(row);
    console.error(`${sc.id} ${tier.name}: done (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}

console.log(`Honest runs: ${runsPerSkill} per skill level (casual, regular, elite); attacks: ${attackRuns} runs each.\n`);
console.log("| scenario | tier | honest runs | verified | casual / regular / elite verified | median score (c / r / e) | flags on honest runs | attack runs | rejected or flagged | review only | verified above the ceiling |");
console.log("|---|---|---:|---:|---|---|---|---:|---:|---:|---:|");
let honest = 0;
let verified = 0;
for (const r of rows) {
  honest += r.honest;
  verified += r.verified;
  const flags = [...r.flags].map(([c, n]) => `${c} ×${n}`).join(", ") || "–";
  console.log(`| ${r.scenario} | ${r.tier} | ${r.honest} | ${pct(r.verified, r.honest)} | ${r.bySkill.join(" / ")} | ${r.scores.join(" / ")} | ${flags} | ${r.attacks} | ${r.caught} | ${r.review} | ${r.aboveCeilingVerified} |`);
}
console.log(`\nAll honest runs: ${verified} of ${honest} verified (${pct(verified, honest)}).\n`);
console.log("| attack | weakness | runs | rejected | flagged | review only | verified | verified above the ceiling | reason codes |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---|");
for (const [name, t] of totals) {
  console.log(`| ${name} | ${t.weakness} | ${t.runs} | ${t.rejected} | ${t.flagged} | ${t.review} | ${t.verified} | ${t.aboveCeilingVerified} | ${[...t.codes].join(", ")} |`);
}
console.log("");
console.log("| scenario | tier | attack | rejected | flagged | review only | verified | best score / plausible ceiling | reason codes |");
console.log("|---|---|---|---:|---:|---:|---:|---|---|");
for (const d of details) console.log(d);
