/** Flickboard game core: pure, deterministic, shared by browser and server. */
export { PI, TWO_PI, HALF_PI, DEG, dsin, dcos, clamp } from "./detmath";
export { Rng, rngFor, mix32, parseSeed, seedToHex } from "./prng";
export { sha256Hex, utf8Encode } from "./sha256";
export {
  SCENARIO_SCHEMA_VERSION,
  scenarioKinds,
  scenarioSchema,
  healthSchema,
  motionSchema,
  ScenarioError,
  parseScenario,
  isClickingKind,
  canonicalJson,
  scenarioHash,
  builtInScenarios,
  getScenario,
} from "./scenario";
export type { Scenario, ScenarioKind, ScenarioHealth, ScenarioMotion } from "./scenario";
export {
  PITCH_LIMIT_RAD,
  MAX_SMOOTH_COMPONENTS,
  GAME_YAW_DEG,
  runSettingsSchema,
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
export { runEnvironmentSchema, SENSITIVITY_RANGE, REFRESH_RANGE_HZ, MAX_USER_AGENT_LENGTH } from "./environment";
export type { RunEnvironment } from "./environment";
export { PLAYER_SCENARIO_LIMITS, checkScenarioDraft, scenarioFromDraft, draftOf, describeDraftIssues } from "./player-scenario";
export type { ScenarioDraft, DraftIssue, DraftCheck } from "./player-scenario";
