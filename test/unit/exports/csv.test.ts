/** The CSV module of the exports: RFC 4180 quoting, the formula-injection guard, and the streamed document. */
import { describe, expect, it } from "vitest";
import { csvField, csvRecord, csvResponse, csvStream, type CsvValue } from "../../../server/exports/csv";

async function* rowsOf(rows: CsvValue[][]) {
  for (const row of rows) yield row;
}

describe("CSV", () => {
  it("quotes a field with a comma, a quote, CR or LF, doubling its quotes, and leaves others bare", () => {
    expect(csvField("Ava")).toBe("Ava");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(600)).toBe("600");
    expect(csvField(-3)).toBe("-3");
  });

  it("neutralises text that a spreadsheet would run as a formula with a leading quote", () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvField("+1+2")).toBe("'+1+2");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField("a=1")).toBe("a=1");
  });

  it("ends every record with CRLF", () => {
    expect(csvRecord(["rank", "handle", 1, null])).toBe("rank,handle,1,\r\n");
  });

  it("streams the header and each row, and makes an attachment of it", async () => {
    const res = csvResponse("board-gridshot-week-2026-10-29T00:00-all.csv", csvStream(["rank", "handle"], rowsOf([[1, "=cmd"], [2, "Ben, Jr."]])));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="board-gridshot-week-2026-10-29T00-00-all.csv"');
    expect(await res.text()).toBe("rank,handle\r\n1,'=cmd\r\n2,\"Ben, Jr.\"\r\n");
  });

  it("reads rows only as the reader asks for them", async () => {
    const read: number[] = [];
    async function* counted() {
      for (let i = 1; i <= 1000; i++) {
        read.push(i);
        yield [i];
      }
    }
    const reader = csvStream(["n"], counted()).getReader();
    await reader.read(); // the header
    await reader.read();
    expect(read.length).toBeLessThan(10);
    await reader.cancel();
  });
});
