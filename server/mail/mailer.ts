/**
 * Outgoing e-mail. With SMTP_URL set, messages go out through nodemailer's SMTP transport; without
 * it they are written to the server's log (one block per message), which is how development and the
 * tests read e-mailed links.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type MailConfig = Pick<Config, "SMTP_URL" | "MAIL_FROM">;

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

export async function sendMail(config: MailConfig, mail: Mail): Promise<void> {
  if (!config.SMTP_URL) {
    console.log(`[mail] to ${mail.to} · ${mail.subject}\n${mail.text}\n[/mail]`);
    return;
  }
  await transportFor(config.SMTP_URL).sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}
