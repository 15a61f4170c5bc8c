/**
 * The challenge's prize configuration, read from `Challenge.prizeTable` and `Challenge.eventDays`
 * (JSON columns): which boards bear prizes, and what each place of each period kind wins.
 *
 *   boards: [{ scenario: "featured" | <scenario id>, tier: "all" | "free" | "ultimate",
 *              periods: ("day" | "week" | "challenge")[] }]
 *   prizes: { day?: Prize[], week?: Prize[], challenge?: Prize[] }   Prize = { place, prize, needsContact }
 *
 * "featured" means `Challenge.featuredScenarioId`. Daily prize boards exist only on the event days.
 */
import { z } from "zod";
import { TIER_FILTERS, type TierFilter } from "../../lib/contracts/boards";

/** The period kinds that close (an `all` board never ends). */
export const CLOSE_PERIOD_KINDS = ["day", "week", "challenge"] as const;
export type ClosePeriodKind = (typeof CLOSE_PERIOD_KINDS)[number];

export function isClosePeriodKind(value: string): value is ClosePeriodKind {
  return (CLOSE_PERIOD_KINDS as readonly string[]).includes(value);
}

const prizeSchema = z.strictObject({
  place: z.number().int().min(1),
  prize: z.string().min(1),
  /** The winner must have a contact e-mail (Player.contactEmail) to take the place. */
  needsContact: z.boolean().default(false),
});
export type Prize = z.infer<typeof prizeSchema>;

const prizeList = z
  .array(prizeSchema)
  .refine((list) => new Set(list.map((p) => p.place)).size === list.length, { message: "places must be unique" })
  .transform((list) => [...list].sort((a, b) => a.place - b.place));

export const prizeTableSchema = z.object({
  boards: z.array(
    z.object({
      scenario: z.string().min(1),
      tier: z.enum(TIER_FILTERS),
      periods: z.array(z.enum(CLOSE_PERIOD_KINDS)),
    }),
  ),
  prizes: z.object({ day: prizeList.optional(), week: prizeList.optional(), challenge: prizeList.optional() }),
});
export type PrizeTable = z.infer<typeof prizeTableSchema>;

export const eventDaysSchema = z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must look like "YYYY-MM-DD"'));

/** The challenge's prize configuration is not valid: closes cannot run until it is fixed. */
export class PrizeTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrizeTableError";
  }
}

function explain(what: string, err: z.ZodError): PrizeTableError {
  const first = err.issues[0];
  const where = first?.path.length ? ` at ${first.path.join(".")}` : "";
  return new PrizeTableError(`invalid ${what}${where}: ${first?.message ?? "invalid value"}`);
}

export function parsePrizeTable(json: unknown): PrizeTable {
  const parsed = prizeTableSchema.safeParse(json);
  if (!parsed.success) throw explain("Challenge.prizeTable", parsed.error);
  return parsed.data;
}

export function parseEventDays(json: unknown): string[] {
  const parsed = eventDaysSchema.safeParse(json ?? []);
  if (!parsed.success) throw explain("Challenge.eventDays", parsed.error);
  return [...new Set(parsed.data)].sort();
}

/** A prize-bearing board (scenario x tier filter) and the period kinds it closes on. */
export interface PrizeBoard {
  scenarioId: string;
  tier: TierFilter;
  periods: ClosePeriodKind[];
}

/** The prize-bearing boards, "featured" resolved, duplicates merged, in the table's order. */
export function prizeBoardsOf(table: PrizeTable, featuredScenarioId: string): PrizeBoard[] {
  const out: PrizeBoard[] = [];
  for (const b of table.boards) {
    const scenarioId = b.scenario === "featured" ? featuredScenarioId : b.scenario;
    let board = out.find((o) => o.scenarioId === scenarioId && o.tier === b.tier);
    if (!board) out.push((board = { scenarioId, tier: b.tier, periods: [] }));
    for (const kind of b.periods) if (!board.periods.includes(kind)) board.periods.push(kind);
  }
  return out;
}

export function prizesFor(table: PrizeTable, kind: ClosePeriodKind): Prize[] {
  return table.prizes[kind] ?? [];
}
