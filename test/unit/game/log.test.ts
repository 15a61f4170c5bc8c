import { describe, expect, it } from "vitest";
import {
  LogDecodeError,
  LogEncodeError,
  LogRecorder,
  MAX_LOG_EVENTS,
  Rng,
  createInputLog,
  decodeLog,
  encodeLog,
  fromBase64,
  inputLogsEqual,
  toBase64,
  type InputLog,
  type LogDecodeErrorCode,
} from "../../../game/core/index";
import { sameBytes } from "../../support/bots";

function randomLog(rng: Rng): InputLog {
  const mouse: [number, number, number][] = [];
  const buttons: [number, number, boolean][] = [];
  const frames: number[] = [];
  let t = 0;
  const nm = rng.int(300);
  for (let i = 0; i < nm; i++) {
    t += rng.next() < 0.2 ? rng.int(5000) : rng.int(40);
    const big = rng.next() < 0.1;
    const d = () => (big ? rng.int(4001) - 2000 : rng.int(41) - 20);
    mouse.push([t / 16, d(), d()]);
  }
  t = 0;
  for (let i = 0, n = rng.int(20); i < n; i++) {
    t += rng.int(100000);
    buttons.push([t / 16, rng.int(5), rng.next() < 0.5]);
  }
  t = 0;
  for (let i = 0, n = rng.int(200); i < n; i++) {
    t += rng.int(600);
    frames.push(t / 16);
  }
  return createInputLog({ mouse, buttons, frames });
}

function expectCode(bytes: Uint8Array, code: LogDecodeErrorCode): void {
  let err: unknown;
  try {
    decodeLog(bytes);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(LogDecodeError);
  expect((err as LogDecodeError).code).toBe(code);
}

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const HEADER = [0x46, 0x42, 0x4c, 1, 0];

describe("log codec", () => {
  it("round-trips exactly and canonically", () => {
    const rng = new Rng(2024, 0);
    for (let i = 0; i < 300; i++) {
      const log = randomLog(rng);
      const enc = encodeLog(log);
      const dec = decodeLog(enc);
      expect(inputLogsEqual(log, dec)).toBe(true);
      expect(sameBytes(encodeLog(dec), enc)).toBe(true);
      expect(sameBytes(fromBase64(toBase64(enc)), enc)).toBe(true);
    }
    expect(decodeLog(encodeLog(createInputLog({})))).toEqual(createInputLog({}));
  });

  it("uses the 2-byte short form at its boundaries and the long form beyond", () => {
    const sizeOf = (mouse: [number, number, number][]) => encodeLog(createInputLog({ mouse })).length;
    const base = 5 + 3; // header + three 1-byte counts
    expect(sizeOf([[1, 15, -16]])).toBe(base + 2);
    expect(sizeOf([[1, 16, 0]])).toBe(base + 3); // medium
    expect(sizeOf([[1, -17, 127]])).toBe(base + 3);
    expect(sizeOf([[1, -128, 0]])).toBe(base + 3);
    expect(sizeOf([[0, 0, 0]])).toBe(base + 2); // dt 0 = 16 - 16
    expect(sizeOf([[1 + 15 / 16, 0, 0]])).toBe(base + 2); // dt 31 = 16 + 15
    expect(sizeOf([[2, 0, 0]])).toBe(base + 3); // dt 32: r = 16, medium
    expect(sizeOf([[0, -16, -16]])).toBe(base + 2);
    expect(sizeOf([[3, 0, 0]])).toBe(base + 4); // r = 32: long (tag, dt, dx, dy)
    expect(sizeOf([[1, 128, 0]])).toBe(base + 5); // long, zigzag(128) = 256 takes 2 bytes
    expect(sizeOf([[1, 0, -129]])).toBe(base + 5);
    const log = createInputLog({
      mouse: [[0, 0, 0], [2, 1, 1], [3, 100000, -100000], [3, 0, 0], [4, 127, -128], [6, -16, 15], [1000, 1, 1]],
    });
    expect(decodeLog(encodeLog(log))).toEqual(log);
  });

  it("rejects malformed input with the right code", () => {
    const valid = encodeLog(randomLog(new Rng(1, 1)));
    expectCode(bytes(), "truncated");
    expectCode(bytes(0x46, 0x42), "truncated");
    expectCode(bytes(0x46, 0x42, 0x4c), "truncated");
    expectCode(bytes(0x47, 0x42, 0x4c, 1, 0, 0, 0, 0), "bad_magic");
    expectCode(bytes(0x00), "bad_magic");
    expectCode(bytes(0x46, 0x42, 0x4c, 2, 0, 0, 0, 0), "bad_version");
    expectCode(bytes(...HEADER.slice(0, 4), 1, 0, 0, 0), "bad_flags");
    expectCode(valid.subarray(0, valid.length - 1), "truncated");
    expectCode(bytes(...valid, 0), "trailing_bytes");
    expectCode(bytes(...HEADER, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0, 0), "bad_varint");
    expectCode(bytes(...HEADER, 0x80, 0x00, 0, 0), "bad_varint"); // overlong
    expectCode(bytes(...HEADER, 0xc0, 0x96, 0xb1, 0x02, 0, 0), "too_many_events"); // 5,000,000 events
    expectCode(bytes(...HEADER, 0xe8, 0x07, 0, 0, 1, 2), "truncated"); // 1000 mouse records claimed
    // Two short mouse records: dt 0 then dt -1 -> out of order.
    expectCode(bytes(...HEADER, 2, 0, 0, 0x02, 0x30, 0x3e, 0x30), "out_of_order");
    expectCode(bytes(...HEADER, 1, 0, 0, 0xc1, 0, 0, 0), "bad_record"); // unknown tag
    expectCode(bytes(...HEADER, 1, 0, 0, 0xc0, 16, 2, 2), "bad_record"); // long form for a short record
    expectCode(bytes(...HEADER, 1, 0, 0, 0xc0, 16, 0x80, 0x01, 0), "bad_record"); // long form for a medium record
    expectCode(bytes(...HEADER, 1, 0, 0, 0x80 | 32, 129, 128), "bad_record"); // medium form for a short record
    expectCode(bytes(...HEADER, 1, 0, 0, 0x80, 128, 128), "out_of_order"); // medium: dt = 16 - 32
    expectCode(bytes(...HEADER, 0, 1, 0, 0, 0xff), "bad_record"); // button id 127
    expectCode(bytes(...HEADER, 0, 0, 1, 0xff, 0xff, 0xff, 0xff, 0x0f), "out_of_range"); // frame at 2^32 ticks
    expectCode(bytes(...HEADER, 1, 0, 0, 0xc0, 0, 0xfe, 0xff, 0xff, 0x0f, 0), "out_of_range"); // dx huge
    expect(() => decodeLog("FBL" as unknown as Uint8Array)).toThrow(LogDecodeError);
  });

  it("never hangs or throws anything but LogDecodeError on garbage", () => {
    const rng = new Rng(77, 0);
    const valid = encodeLog(randomLog(new Rng(3, 3)));
    const start = Date.now();
    for (let i = 0; i < 3000; i++) {
      let b: Uint8Array;
      if (i % 3 === 0) {
        b = new Uint8Array(rng.int(64));
        for (let j = 0; j < b.length; j++) b[j] = rng.int(256);
        if (i % 2 === 0 && b.length >= 5) b.set(HEADER);
      } else {
        b = valid.slice(0, rng.int(valid.length + 1));
        for (let j = 0, n = 1 + rng.int(3); j < n && b.length > 0; j++) {
          const at = rng.int(b.length);
          b[at] = b[at]! ^ (1 << rng.int(8));
        }
      }
      try {
        const log = decodeLog(b);
        expect(sameBytes(encodeLog(log), b)).toBe(true); // anything accepted is canonical
      } catch (e) {
        if (!(e instanceof LogDecodeError)) throw e;
      }
    }
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it("refuses to encode unrepresentable logs", () => {
    const code = (log: InputLog) => {
      try {
        encodeLog(log);
      } catch (e) {
        expect(e).toBeInstanceOf(LogEncodeError);
        return (e as LogEncodeError).code;
      }
      return "ok";
    };
    expect(code(createInputLog({ frames: [0.01] }))).toBe("not_quantized");
    expect(code(createInputLog({ frames: [2, 1] }))).toBe("out_of_order");
    expect(code(createInputLog({ frames: [-1] }))).toBe("out_of_range");
    expect(code(createInputLog({ mouse: [[0, 2_000_000, 0]] }))).toBe("out_of_range");
    expect(code(createInputLog({ buttons: [[0, 40, true]] }))).toBe("bad_value");
    expect(MAX_LOG_EVENTS).toBe(4_000_000);
  });

  it("encodes a 60 s run at 1000 Hz + 240 fps + 200 clicks well under 256 KB", () => {
    const rng = new Rng(60, 0);
    const rec = new LogRecorder();
    // 1000 Hz polling with ±0.15 ms timestamp jitter; smooth tracking motion
    // (a few counts per ms) interrupted by ~1 flick per 300 ms (up to ~60 counts/ms).
    let vx = 0;
    let vy = 0;
    let flick = 0;
    let fx = 0;
    let fy = 0;
    for (let i = 1; i <= 60_000; i++) {
      if (flick <= 0 && rng.next() < 1 / 300) {
        flick = 60 + rng.int(80);
        fx = rng.range(-60, 60);
        fy = rng.range(-25, 25);
      }
      vx = 0.97 * vx + rng.range(-0.6, 0.6);
      vy = 0.97 * vy + rng.range(-0.3, 0.3);
      let dx = vx;
      let dy = vy;
      if (flick > 0) {
        const s = Math.sin((Math.PI * flick) / 140);
        dx += fx * s;
        dy += fy * s;
        flick--;
      }
      rec.mouseMove(i + rng.range(-0.15, 0.15), dx, dy);
    }
    for (let i = 0; i < 200; i++) {
      const t = 150 + i * 299;
      rec.button(t, 0, true);
      rec.button(t + 60 + rng.int(40), 0, false);
    }
    for (let i = 1; i <= 14_400; i++) rec.frame((i * 1000) / 240);
    const enc = rec.encode();
    // Reported in docs/run-log.md.
    console.log(`60 s log: ${rec.mouseCount} mouse, ${rec.buttonCount} button, ${rec.frameCount} frame events -> ${enc.length} bytes`);
    expect(rec.mouseCount).toBeGreaterThan(50_000);
    expect(rec.frameCount).toBe(14_400);
    expect(enc.length).toBeLessThan(256 * 1024);
    expect(enc.length).toBeLessThan(200 * 1024);
    expect(inputLogsEqual(decodeLog(enc), rec.toLog())).toBe(true);
    expect(toBase64(enc).length).toBeLessThan(Math.ceil((enc.length * 4) / 3) + 4);
  });

  it("stays under 200 KB even if every 1 ms sample is a fast (16..127 counts) movement", () => {
    const rng = new Rng(61, 0);
    const rec = new LogRecorder();
    const sign = () => (rng.next() < 0.5 ? -1 : 1);
    for (let i = 1; i <= 60_000; i++) {
      rec.mouseMove(i + rng.range(-0.15, 0.15), sign() * (16 + rng.int(112)), sign() * (16 + rng.int(112)));
    }
    for (let i = 0; i < 200; i++) {
      rec.button(150 + i * 299, 0, true);
      rec.button(200 + i * 299, 0, false);
    }
    for (let i = 1; i <= 14_400; i++) rec.frame((i * 1000) / 240);
    const enc = rec.encode();
    console.log(`60 s worst-case-ish log: ${rec.mouseCount} mouse events -> ${enc.length} bytes`);
    expect(rec.mouseCount).toBe(60_000);
    expect(enc.length).toBeLessThan(200 * 1024);
  });
});

describe("LogRecorder", () => {
  it("quantises time and carries fractional deltas", () => {
    const rec = new LogRecorder(16);
    let sum = 0;
    for (let i = 0; i < 1000; i++) {
      rec.mouseMove(i * 1.03, 0.3, -0.45);
      sum += 0.3;
    }
    const log = rec.toLog();
    const total = log.mouse.dx.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - sum)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(log.mouse.dy.reduce((a, b) => a + b, 0) + 450)).toBeLessThanOrEqual(0.5);
    expect(log.mouse.t.length).toBeLessThan(1000); // sub-count moves are folded into later events
    for (const t of log.mouse.t) expect(Number.isInteger(t * 16)).toBe(true);
    expect(decodeLog(rec.encode())).toEqual(log);
  });

  it("keeps streams monotonic, applies floors and drops events past maxTicks", () => {
    const rec = new LogRecorder();
    rec.maxTicks = 1000 * 16;
    expect(rec.frame(10)).toBe(true);
    expect(rec.frame(5)).toBe(true); // raised to 10
    expect(rec.adjusted).toBe(1);
    expect(rec.frame(1000.03)).toBe(true); // rounds to exactly 1000
    expect(rec.frame(1000.04)).toBe(false);
    expect(rec.button(-3, 0, true)).toBe(true); // before start: 0, not counted
    expect(rec.adjusted).toBe(1);
    rec.buttonFloorTicks = 80;
    expect(rec.button(2, 0, false)).toBe(true);
    expect(rec.lastTicks).toBe(80);
    expect(rec.button(1, 99, true)).toBe(false);
    expect(rec.mouseMove(1, NaN, 1)).toBe(false);
    const log = rec.toLog();
    expect(Array.from(log.frames.t)).toEqual([10, 10, 1000]);
    expect(Array.from(log.buttons.t)).toEqual([0, 5]);
  });
});

describe("base64", () => {
  it("matches btoa/atob and rejects bad input", () => {
    const rng = new Rng(64, 0);
    for (let n = 0; n < 40; n++) {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = rng.int(256);
      const s = toBase64(b);
      expect(s).toBe(btoa(String.fromCharCode(...b)));
      expect(fromBase64(s)).toEqual(b);
    }
    for (const bad of ["A", "AB=C", "A===", "AB$=", "ABC=D", "é123"]) {
      expect(() => fromBase64(bad)).toThrow(LogDecodeError);
    }
  });
});
