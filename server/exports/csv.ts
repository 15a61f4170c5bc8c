/**
 * CSV for the admin exports (docs/admin.md, "Exports"): RFC 4180 (CRLF line ends; a field holding a
 * comma, a double quote, CR or LF is quoted, its quotes doubled), written as a stream, a row at a
 * time as the rows are read, with spreadsheet formula injection neutralised: a text cell that begins
 * with = + - @, a tab or CR gets a leading ' so a spreadsheet shows it as text instead of running it
 * (OWASP, "CSV Injection"). Numbers are written as they are: a number is never a formula.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: guarded against formulas, then quoted when RFC 4180 needs it. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** A header record, then one record per row, encoded as each row is read (pulled: a slow reader slows the reading). */
export function csvStream(header: readonly string[], rows: AsyncIterable<readonly CsvValue[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRecord(header)));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRecord(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A CSV download: the stream as an attachment named `filename` (letters, digits, . _ - only). */
export function csvResponse(filename: string, body: ReadableStream<Uint8Array>): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${safe}"`,
      "cache-control": "private, no-store",
    },
  });
}
