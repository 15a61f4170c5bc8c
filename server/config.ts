/**
 * Configuration from the environment, validated once at start-up.
 * Every variable is listed (with its default) in .env.example.
 */
import { z } from "zod";
import { parseTrustProxy, TrustProxyError } from "./security/proxy";

const databaseUrl = z
  .string()
  .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
    message: 'must start with "file:" (SQLite) or "postgres://" / "postgresql://" (PostgreSQL)',
  });

const count = (fallback: number) => z.coerce.number({ message: "must be a number" }).int().min(1).default(fallback);

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
  /**
   * The address players use, e.g. https://flickboard.example. Decides the app's own origin (for
   * same-origin checks) and, when https, Secure cookies and HSTS. Unset: the request's Host.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL" })
    .optional(),
  /** Reverse proxies in front: "false", a hop count, or their addresses / CIDR ranges (security/proxy.ts). */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v, ctx) => {
      try {
        return parseTrustProxy(v);
      } catch (err) {
        if (!(err instanceof TrustProxyError)) throw err;
        ctx.addIssue({ code: "custom", message: err.message });
        return z.NEVER;
      }
    }),
  /** Run starts and finishes allowed per minute, per player and per client address. */
  RUN_RATE_PER_PLAYER: count(30),
  RUN_RATE_PER_IP: count(300),
  /** How long after a run's duration (countdown, upload) its finish may arrive on the server's clock. */
  RUN_FINISH_ALLOWANCE_SEC: count(10),
  /**
   * How late after its deadline a kiosk's finish may still come when the kiosk was offline when it
   * was due (kept on the device, uploaded when the network returned; docs/kiosk.md).
   */
  KIOSK_UPLOAD_ALLOWANCE_HOURS: count(24),
  /** Runs one player may have started and not yet finished at once. */
  MAX_OPEN_RUNS: count(3),
  /** Membership tokens from the operator's identity service (docs/memberships.md): who issues them, */
  MEMBERSHIP_JWT_ISSUER: z.string().min(1).optional(),
  /** the audience they must name, */
  MEMBERSHIP_JWT_AUDIENCE: z.string().min(1).default("flickboard"),
  /** and the key that signs them: a PEM public key, or a JWKS URL. */
  MEMBERSHIP_JWT_PUBLIC_KEY: z
    .string()
    .transform((v) => v.replace(/\\n/g, "\n"))
    .refine((v) => v.includes("-----BEGIN PUBLIC KEY-----"), 'must be a PEM public key ("-----BEGIN PUBLIC KEY-----")')
    .optional(),
  MEMBERSHIP_JWKS_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  /** Sign-ups allowed per hour from one client address. */
  SIGNUP_RATE_PER_IP: count(20),
  /** A session ends after this many days without use (each use extends it). */
  SESSION_TTL_DAYS: count(30),
  /** Origins allowed to open a socket.io connection (comma-separated). Unset: the app's own origin. */
  SOCKET_ORIGINS: z
    .string()
    .transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, message: "must be a comma-separated list of http(s) origins" })))
    .transform((list) => list.map((o) => new URL(o).origin))
    .optional(),
  /** Boards one socket may follow at once. */
  SOCKET_MAX_SUBSCRIPTIONS: count(16),
  /** Kiosk pairing attempts allowed per minute from one client address (a code guessed at is refused beyond it). */
  KIOSK_PAIR_RATE_PER_IP: count(10),
  /** Threads that replay submitted runs (default: one per core). */
  VERIFY_THREADS: z.coerce.number({ message: "must be a number" }).int().min(1).optional(),
  /** Finishes that may wait for a verifying thread; beyond it a finish answers 503 with Retry-After. */
  VERIFY_QUEUE: count(64),
  /** An admin session ends this many hours after sign-in, used or not (docs/admin.md). */
  ADMIN_SESSION_HOURS: count(12),
  /** Every admin must sign in with a TOTP code (enrolled with `npm run admin:totp`). */
  ADMIN_REQUIRE_TOTP: booleanFlag.default(false),
  /** Admin sign-in attempts allowed per 15 minutes from one client address. */
  ADMIN_LOGIN_RATE_PER_IP: count(30),
  /** Where e-mail goes out: smtp(s)://user:pass@host:port. Unset: messages are written to the server log. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with "smtp://" or "smtps://"')
    .optional(),
  /** The sender of sign-in and verification e-mails. */
  MAIL_FROM: z.string().min(3).default("Flickboard <no-reply@flickboard.invalid>"),
  /** How long an e-mailed link (sign-in, address verification) works, in minutes. */
  EMAIL_LINK_TTL_MIN: count(15),
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
