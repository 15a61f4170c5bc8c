import { NextResponse } from "next/server";
import type { CreatedMembershipCode } from "@/lib/contracts/admin-codes";
import { endpoint, methods } from "@/server/api/endpoint";
import { createMembershipCode, newCodeSchema } from "@/server/memberships/create-code";
import { codeRow, listMembershipCodes } from "@/server/memberships/list-codes";

/** Membership codes (admins only): list them, or create one (the code is answered this once). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin" }, async ({ rt }) => ({ codes: await listMembershipCodes(rt.db) })),
  POST: endpoint({ auth: "admin", body: newCodeSchema }, async ({ rt, auth, body }) => {
    const made = await createMembershipCode(rt.db, body, { actorType: "admin", actorId: auth.admin.id });
    const row = await rt.db.membershipCode.findUniqueOrThrow({ where: { id: made.id } });
    const answer: CreatedMembershipCode = { code: made.code, row: codeRow(row) };
    return NextResponse.json(answer, { status: 201 });
  }),
});
