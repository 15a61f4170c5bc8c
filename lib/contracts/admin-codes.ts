/**
 * Membership codes on the dashboard's settings page (GET/POST /api/admin/membership-codes, admins
 * only; docs/memberships.md). The body of POST is server/memberships/create-code.ts's
 * `{ label, days, maxUses, expiresAt }`.
 */

export interface MembershipCodeRow {
  id: string;
  /** The code's last four characters: the code itself is shown once, when it is made. */
  hint: string;
  label: string;
  days: number;
  maxUses: number;
  uses: number;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
}

/** 201 answer: the code, shown this once. */
export interface CreatedMembershipCode {
  code: string;
  row: MembershipCodeRow;
}
