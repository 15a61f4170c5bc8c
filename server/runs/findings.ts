/**
 * What the verifier says about a run: findings, each with a reason code, a severity, a plain
 * sentence a player may read, and the numbers behind it for admins only (docs/anti-cheat.md,
 * "Findings"). The player's sentence never carries a count or a threshold, so a cheater cannot
 * tune a bot against the live API; the evidence is stored with the run for review.
 */

/**
 * reject: provably not a person with a mouse (or a broken submission); off every board.
 * flag: beyond what people plausibly do but not provable; off the boards until an admin clears it.
 * review: recorded for admins, changes nothing about the verdict.
 */
export type Severity = "reject" | "flag" | "review";

/** Numbers behind a finding: measured values and the limits they were held against. Admins only. */
export type Evidence = Record<string, number | string | boolean | null>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** A plain sentence for the player: what kind of problem, never how much. */
  message: string;
  /** For admins: what was measured and against which limit. */
  evidence?: Evidence;
}

/** Every reason code the verifier produces, with the sentence a player sees. */
export const PLAYER_MESSAGES = {
  run_expired: "The run was finished later than its length allows (a slowed-down game, or a finish held back).",
  clock_mismatch: "The run was finished sooner than it can be played.",
  log_too_large: "The input log is larger than a run can produce.",
  log_undecodable: "The input log could not be read.",
  log_out_of_order: "The input log's timestamps go back in time.",
  log_outside_run: "The input log has events outside the run.",
  log_incomplete: "The input log stops before the end of the run.",
  tier_mismatch: "The run was played on another tier than the one it was started on.",
  frame_cap_exceeded: "Frames came faster than the run's tier allows.",
  replayed_log: "This input log was already submitted for another run.",
  click_rate: "The clicks came faster than a hand can click.",
  angular_speed: "The aim moved faster than a mouse can move it.",
  aimbot_pattern: "The aim jumped onto targets in a way a hand does not move.",
  repeated_input: "The same mouse movement was repeated exactly.",
  inhuman_reaction: "Targets were hit sooner after they appeared than a person can react.",
  kill_rate: "Targets were destroyed faster than people can keep up.",
  target_acquisition: "The aim went from target to target faster than a person can.",
  movement_time: "The aim reached targets faster than a hand moves.",
  fitts_law: "The aim's movement times do not vary with distance the way a hand's do.",
  accuracy_at_speed: "The accuracy at this speed is beyond what people reach.",
  tracking_anticipation: "The aim followed the target's path ahead of what the screen showed.",
  tracking_smoothness: "The aim followed the target more smoothly than a hand can.",
  time_on_target: "The aim stayed on the target for longer than people manage.",
  environment_mismatch: "The run's reported setup does not match what its log shows.",
  environment_change: "Your sensitivity changed since your previous run; the change is noted for review.",
  personal_best_jump: "This score is far above your previous best, so it is checked before it counts.",
  late_upload: "This run reached the server after its deadline because the kiosk was offline; the delay is noted for review.",
} as const;

export type FindingCode = keyof typeof PLAYER_MESSAGES;

export function finding(code: FindingCode, severity: Severity, evidence?: Evidence): Finding {
  return evidence ? { code, severity, message: PLAYER_MESSAGES[code], evidence } : { code, severity, message: PLAYER_MESSAGES[code] };
}

/** Rejections first, then flags, then review notes; the order within a severity is kept. */
export function bySeverity(findings: Finding[]): Finding[] {
  const rank = { reject: 0, flag: 1, review: 2 } as const;
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => rank[a.severity] - rank[b.severity] || i - j)
    .map(([f]) => f);
}

/** What a player may be told about findings: code, severity and the plain sentence. */
export function playerFindings(findings: readonly Finding[]): { code: FindingCode; severity: Severity; message: string }[] {
  return findings.map(({ code, severity, message }) => ({ code, severity, message }));
}
