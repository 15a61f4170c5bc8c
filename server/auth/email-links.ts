/**
 * E-mailed links: one-time, short-lived tokens (EMAIL_LINK_TTL_MIN, default 15 minutes), stored only
 * as their SHA-256, for two purposes:
 * - `sign_in`: a player signs in with the verified prize-contact address they gave. Asking never
 *   says whether an address is known (no link is sent for an unknown one).
 * - `verify_contact`: a signed-in player gives an address and consents to CONTACT_CONSENT_TEXT; the
 *   address becomes their prize contact (with the consent's time and text) only when the link sent
 *   to it is followed.
 * This module asks for links; following one (it is used up, whatever it was for; a sign-in replaces
 * the device's session) is redeem-email-link.ts.
 */
import crypto from "node:crypto";
import { CONTACT_CONSENT_TEXT } from "../../lib/contracts/accounts";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { Forbidden } from "../errors";
import { hashToken, type PlayerRow } from "../players/session";
import { sendMail, type MailConfig } from "../mail/mailer";
import { ownOrigin } from "../security/origin";

const TOKEN_PREFIX = "fbm_";
export type EmailPurpose = "sign_in" | "verify_contact";

export interface LinkContext {
  mail: MailConfig;
  /** The app's origin, for the link (PUBLIC_URL, or the request's). */
  origin: string;
  ttlMs: number;
  now?: Date;
}

/** The context of a request's links: the configured mail, the app's origin and the links' lifetime. */
export function linkContext(config: Config, host: string | null, https: boolean): LinkContext {
  return { mail: config, origin: ownOrigin(config.PUBLIC_URL, host, https) ?? "", ttlMs: config.EMAIL_LINK_TTL_MIN * 60_000 };
}

/** Addresses are compared lower-cased and trimmed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The page that follows a link; the token travels in the fragment, which browsers never send to a server. */
export function linkUrl(origin: string, token: string): string {
  return `${origin}/email#token=${token}`;
}

async function issue(db: Db, ctx: LinkContext, row: { purpose: EmailPurpose; playerId: string; email: string; consentText?: string }) {
  const now = ctx.now ?? new Date();
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  await db.emailToken.create({ data: { ...row, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + ctx.ttlMs) } });
  return linkUrl(ctx.origin, token);
}

const minutes = (ms: number) => Math.round(ms / 60_000);

/** Sends a sign-in link if a player has this verified address; says nothing either way. */
export async function requestSignInLink(db: Db, ctx: LinkContext, input: { email: string }): Promise<void> {
  const email = normaliseEmail(input.email);
  const player = await db.player.findFirst({ where: { contactEmail: email, contactVerifiedAt: { not: null } } });
  if (!player) return;
  const url = await issue(db, ctx, { purpose: "sign_in", playerId: player.id, email });
  await sendMail(ctx.mail, {
    to: email,
    subject: "Your Flickboard sign-in link",
    text: `Sign in to Flickboard as ${player.handle}:\n${url}\n\nThe link works once, for ${minutes(ctx.ttlMs)} minutes. If you did not ask for it, ignore this message.`,
  });
}

/** Sends the link that verifies `email` as the player's prize contact, with the consent they gave. */
export async function requestContactVerification(db: Db, ctx: LinkContext, input: { player: PlayerRow; email: string }): Promise<void> {
  if (input.player.guest) throw new Forbidden("handle_required", "Choose a handle first: prizes go to named players.");
  const email = normaliseEmail(input.email);
  const url = await issue(db, ctx, { purpose: "verify_contact", playerId: input.player.id, email, consentText: CONTACT_CONSENT_TEXT });
  await sendMail(ctx.mail, {
    to: email,
    subject: "Confirm your Flickboard prize contact",
    text: `${input.player.handle} gave this address as their Flickboard prize contact. Confirm it:\n${url}\n\nThe link works once, for ${minutes(ctx.ttlMs)} minutes. If this was not you, ignore this message.`,
  });
}

