import { auditQuerySchema } from "@/lib/contracts/audit";
import { endpoint, methods } from "@/server/api/endpoint";
import { readAuditLog } from "@/server/audit-log";

export const dynamic = "force-dynamic";

/** The audit log, newest first: ?actor=&action=&from=&to=&cursor=&limit= */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin", query: auditQuerySchema }, async ({ rt, query }) => readAuditLog(rt.db, query)),
});
