/**
 * Opaque keyset cursors: the last entry's sort key as base64url JSON. One coming back is checked
 * field by field with its schema, so a forged one is a 400 invalid_cursor and never reaches a query.
 */
import type { z } from "zod";
import { InvalidInput } from "../errors";

export function opaqueCursor(key: object): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function parseOpaqueCursor<T>(schema: z.ZodType<T>, cursor: string): T {
  let raw: unknown = null;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    // not JSON: refused below
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidInput("invalid_cursor", "The cursor is not one this server issued.");
  return parsed.data;
}
