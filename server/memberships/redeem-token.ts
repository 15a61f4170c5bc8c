/**
 * A player redeems a membership token from the operator's own identity service: a JWT signed with the
 * operator's key (MEMBERSHIP_JWT_PUBLIC_KEY, or the keys at MEMBERSHIP_JWKS_URL), verified with jose.
 * Claims (docs/memberships.md): iss = MEMBERSHIP_JWT_ISSUER, aud includes MEMBERSHIP_JWT_AUDIENCE,
 * sub (the operator's account), jti (each token grants once), exp (the token's own expiry),
 * tier = "ultimate", membership_until (NumericDate: when the granted Ultimate ends), and optionally
 * fb_player (the only Flickboard player id allowed to redeem it).
 */
import crypto from "node:crypto";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, InvalidInput, Unavailable } from "../errors";
import { grantMembership } from "./grant-membership";
import { membershipStatus } from "./membership";

const ALGORITHMS = ["RS256", "PS256", "ES256", "ES384", "EdDSA"];
/** A token may not grant more than this far ahead. */
const MAX_GRANT_DAYS = 400;
const DAY_MS = 24 * 3600 * 1000;

type TokenConfig = Pick<Config, "MEMBERSHIP_JWT_ISSUER" | "MEMBERSHIP_JWT_AUDIENCE" | "MEMBERSHIP_JWT_PUBLIC_KEY" | "MEMBERSHIP_JWKS_URL">;

const jwksCache = new Map<string, JWTVerifyGetKey>();

function verificationKey(config: TokenConfig): crypto.KeyObject | JWTVerifyGetKey {
  if (config.MEMBERSHIP_JWT_PUBLIC_KEY) return crypto.createPublicKey(config.MEMBERSHIP_JWT_PUBLIC_KEY);
  const url = config.MEMBERSHIP_JWKS_URL!;
  let jwks = jwksCache.get(url);
  if (!jwks) jwksCache.set(url, (jwks = createRemoteJWKSet(new URL(url))));
  return jwks;
}

export interface MembershipClaims {
  issuer: string;
  tokenId: string;
  account: string;
  until: Date;
}

/** Verifies a membership token and reads its claims; throws InvalidInput saying what is wrong. */
export async function verifyMembershipToken(config: TokenConfig, token: string, playerId: string, now = new Date()): Promise<MembershipClaims> {
  if (!config.MEMBERSHIP_JWT_ISSUER || (!config.MEMBERSHIP_JWT_PUBLIC_KEY && !config.MEMBERSHIP_JWKS_URL)) {
    throw new Unavailable("memberships_unconfigured", "Membership tokens are not accepted here: the operator has not configured a signing key.");
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, verificationKey(config) as Parameters<typeof jwtVerify>[1], {
      issuer: config.MEMBERSHIP_JWT_ISSUER,
      audience: config.MEMBERSHIP_JWT_AUDIENCE,
      algorithms: ALGORITHMS,
      requiredClaims: ["exp", "jti", "sub"],
      currentDate: now,
    }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new InvalidInput("token_expired", "That membership token has expired: get a new one from your account.");
    if (err instanceof joseErrors.JOSEError) throw new InvalidInput("token_invalid", "That membership token is not valid here.");
    throw err;
  }
  const until = typeof payload.membership_until === "number" ? new Date(payload.membership_until * 1000) : null;
  if (payload.tier !== "ultimate" || !until || Number.isNaN(until.getTime())) {
    throw new InvalidInput("token_invalid", "That membership token does not grant Ultimate.");
  }
  if (until <= now) throw new InvalidInput("token_expired", "The membership in that token has already ended.");
  if (until.getTime() - now.getTime() > MAX_GRANT_DAYS * DAY_MS) throw new InvalidInput("token_invalid", "That membership token grants more than a membership can.");
  if (payload.fb_player !== undefined && payload.fb_player !== playerId) {
    throw new InvalidInput("token_invalid", "That membership token belongs to another player.");
  }
  return { issuer: payload.iss!, tokenId: payload.jti!, account: payload.sub!, until };
}

export async function redeemMembershipToken(db: Db, config: TokenConfig, playerId: string, token: string, now = new Date()) {
  const claims = await verifyMembershipToken(config, token, playerId, now);
  try {
    await transact(db, (tx) =>
      grantMembership(tx, { playerId, length: { until: claims.until }, source: "token", sourceRef: `${claims.issuer}|${claims.tokenId}`, actor: { actorType: "player", actorId: playerId }, now }),
    );
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") throw new Conflict("token_already_used", "That membership token has already been used.");
    throw err;
  }
  return membershipStatus(db, playerId, now);
}
