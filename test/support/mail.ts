/** E-mail as the server writes it to its log when SMTP_URL is unset (server/mail/mailer.ts). */

/** The messages sent to `to`, oldest first, from a server's output. */
export function mailsTo(output: string, to: string): { subject: string; text: string }[] {
  const found: { subject: string; text: string }[] = [];
  const block = /\[mail\] to (\S+) · ([^\n]*)\n([\s\S]*?)\n\[\/mail\]/g;
  for (const m of output.matchAll(block)) if (m[1] === to) found.push({ subject: m[2]!, text: m[3]! });
  return found;
}

/** The token of the last link e-mailed to `to` (the fragment of its /email#token=… link). */
export function lastLinkToken(output: string, to: string): string {
  const last = mailsTo(output, to).at(-1);
  const token = last && /\/email#token=(\S+)/.exec(last.text)?.[1];
  if (!token) throw new Error(`no e-mailed link to ${to} in the server's log`);
  return token;
}
