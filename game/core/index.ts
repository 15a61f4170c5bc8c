/**
 * Flickboard game core: pure, deterministic, shared by browser and server.
 *
 * The play page's browser code imports values from the core's modules themselves, not from here:
 * this index also brings in the modules that build zod schemas on load (scenario.ts,
 * environment.ts), and the bundler keeps a module with such code even when nothing of it is used.
 */
export { PI, TWO_PI, HALF_PI, DEG, dsin, dcos, clamp } from "./detmath";
export { Rng, rngFor, mix32, parseSeed, seedToHex } from "./prng";
export { sha256Hex, utf8Encode } from "./sha256";
export { scenarioKinds, isClickingKind } from "./scenario-kind";
export type { ScenarioKind } from "./scenario-kind";
export {
  SCENARIO_SCHEMA_VERSION,
  scenarioSchema,
  healthSchema,
  motionSchema,
  ScenarioError,
  parseScenario,
  canonicalJson,
  scenarioHash,
  builtInScenarios,
  getScenario,
} from "./scenario";
export type { Scenario, ScenarioHealth, ScenarioMotion } from "./scenario";
export {
  PITCH_LIMIT_RAD,
  MAX_SMOOTH_COMPONENTS,
  GAME_YAW_DEG,
  runSettings,
  SENSITIVITY_RANGE,
  vec3,
  countsPer360,
  radiansPerCount,
  maxPitchCounts,
  aimDirection,
  pointOnSphere,
  raySphere,
  anglesToward,
  cm360FromGame,
  verticalFovFromHorizontal,
  SpawnParams,
  computeSpawnParams,
  positionFromParams,
  anglesFromParams,
  targetPosition,
  spawnPosition,
} from "./world";
export type { Vec3, Aim, RunSettings, GameSensitivityProfile } from "./world";
export { TIERS, tierNames, getTier, FRAME_CAP_TOLERANCE_MS, minFrameIntervalMs, checkFrameCap } from "./tier";
export type { Tier, TierName, FrameCapReport } from "./tier";
export {
  TICKS_PER_MS,
  LOG_MAGIC,
  LOG_VERSION,
  MAX_LOG_TICKS,
  MAX_LOG_EVENTS,
  MAX_MOUSE_DELTA,
  MAX_BUTTON_ID,
  msToTicks,
  ticksToMs,
  createInputLog,
  emptyInputLog,
  encodeLog,
  decodeLog,
  inputLogsEqual,
  toBase64,
  fromBase64,
  LogDecodeError,
  LogEncodeError,
  LogRecorder,
} from "./log";
export type { InputLog, LogDecodeErrorCode, LogEncodeErrorCode } from "./log";
export { Simulation, MAX_CREDIT_INTERVAL_MS, PRIMARY_BUTTON } from "./simulation";
export type { RunResult, ShotRecord, TargetRecord, FrameStats, TargetView, SimulationOptions } from "./simulation";
export { replay, feedLog, LogFeeder } from "./replay";
export { runEnvironmentSchema, REFRESH_RANGE_HZ, MAX_USER_AGENT_LENGTH } from "./environment";
export type { RunEnvironment } from "./environment";
export { PLAYER_SCENARIO_LIMITS, checkScenarioDraft, scenarioFromDraft, draftOf, describeDraftIssues } from "./player-scenario";
export type { ScenarioDraft, DraftIssue, DraftCheck } from "./player-scenario";
