/** The admin CSV exports' queries (docs/admin.md, "Exports"). */
import { z } from "zod";
import { AWARD_STATUSES } from "./awards";
import { boardQuerySchema } from "./boards";

/** GET /api/admin/exports/winners.csv?status= */
export const winnersExportQuerySchema = z.strictObject({ status: z.enum(AWARD_STATUSES).optional() });

/** GET /api/admin/exports/board.csv?scenario=&period=&key=&tier= (the current period unless `key` names one). */
export const boardExportQuerySchema = boardQuerySchema.pick({ period: true, tier: true, key: true }).extend({ scenario: z.string().min(1).max(64) }).strict();
export type BoardExportQuery = z.infer<typeof boardExportQuerySchema>;
