/**
 * Configuration from the environment, validated once at start-up.
 * Every variable is listed (with its default) in .env.example.
 */
import { z } from "zod";

const databaseUrl = z
  .string()
  .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
    message: 'must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL)',
  });

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ message: "must be a number" }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: databaseUrl.default("file:./data/flickboard.db"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with "redis://" or "rediss://"')
    .optional(),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  SEED_DEMO: booleanFlag.default(true),
  /** Behind a reverse proxy that sets X-Forwarded-For: trust it for client addresses. */
  TRUST_PROXY: booleanFlag.default(false),
  /** Run starts and finishes allowed per minute, per player and per client address. */
  RUN_RATE_PER_PLAYER: z.coerce.number({ message: "must be a number" }).int().min(1).default(30),
  RUN_RATE_PER_IP: z.coerce.number({ message: "must be a number" }).int().min(1).default(300),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(present[String(i.path[0])])})`),
    );
  }
  return parsed.data;
}
