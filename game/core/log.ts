/**
 * Input log: what the client did during a run, in a compact versioned binary
 * format (byte-by-byte description in docs/run-log.md).
 *
 * Times are quantised to ticks of 1/16 ms relative to run start. In memory an
 * InputLog keeps times in ms (always multiples of 1/16, so tick <-> ms
 * conversions are exact) and integer mouse counts.
 */

export const TICKS_PER_MS = 16;
export const LOG_MAGIC = "FBL";
export const LOG_VERSION = 1;
/** Largest timestamp a log may contain: 1 hour. */
export const MAX_LOG_TICKS = 3_600_000 * TICKS_PER_MS;
/** Largest total number of events (mouse + button + frame) in one log. */
export const MAX_LOG_EVENTS = 4_000_000;
/** Largest |dx| or |dy| of one mouse record, counts. */
export const MAX_MOUSE_DELTA = 1_048_575;
/** Button ids 0..31 (DOM MouseEvent.button: 0 primary, 1 middle, 2 secondary, ...). */
export const MAX_BUTTON_ID = 31;
/** The mouse "previous interval" predictor starts at 1 ms (16 ticks). */
const INITIAL_MOUSE_DT = 16;
const LONG_MOUSE_TAG = 0xc0;
const SHORT = 0;
const MEDIUM = 1;
const LONG = 2;

/**
 * Smallest mouse record form that can hold (r, dx, dy), r = dt - previous dt:
 * short (2 bytes) if all three are in [-16, 15]; medium (3 bytes) if r is in
 * [-32, 31] and dx, dy in [-128, 127]; long otherwise.
 */
function mouseForm(r: number, dx: number, dy: number): number {
  if (r >= -16 && r <= 15 && dx >= -16 && dx <= 15 && dy >= -16 && dy <= 15) return SHORT;
  if (r >= -32 && r <= 31 && dx >= -128 && dx <= 127 && dy >= -128 && dy <= 127) return MEDIUM;
  return LONG;
}

export interface InputLog {
  /** Mouse movement: time (ms), integer counts (dx right-positive, dy down-positive as in DOM movementY). */
  mouse: { t: Float64Array; dx: Int32Array; dy: Int32Array };
  /** Button transitions: time (ms), button id, 1 = pressed / 0 = released. */
  buttons: { t: Float64Array; id: Uint8Array; down: Uint8Array };
  /** Timestamps (ms) of presented frames. */
  frames: { t: Float64Array };
}

/** Rounds ms to the nearest tick (halves round up). */
export function msToTicks(ms: number): number {
  return Math.round(ms * TICKS_PER_MS);
}

export function ticksToMs(ticks: number): number {
  return ticks / TICKS_PER_MS;
}

/** Builds an InputLog from plain arrays (tests, tools). Does not validate; encodeLog does. */
export function createInputLog(events: {
  mouse?: ReadonlyArray<readonly [t: number, dx: number, dy: number]>;
  buttons?: ReadonlyArray<readonly [t: number, id: number, down: boolean]>;
  frames?: ReadonlyArray<number>;
}): InputLog {
  const m = events.mouse ?? [];
  const b = events.buttons ?? [];
  const f = events.frames ?? [];
  return {
    mouse: {
      t: Float64Array.from(m, (e) => e[0]),
      dx: Int32Array.from(m, (e) => e[1]),
      dy: Int32Array.from(m, (e) => e[2]),
    },
    buttons: {
      t: Float64Array.from(b, (e) => e[0]),
      id: Uint8Array.from(b, (e) => e[1]),
      down: Uint8Array.from(b, (e) => (e[2] ? 1 : 0)),
    },
    frames: { t: Float64Array.from(f) },
  };
}

export function emptyInputLog(): InputLog {
  return createInputLog({});
}

// ---------------------------------------------------------------------------
// Errors

export type LogDecodeErrorCode =
  | "bad_input"
  | "bad_magic"
  | "bad_version"
  | "bad_flags"
  | "truncated"
  | "bad_varint"
  | "bad_record"
  | "out_of_order"
  | "out_of_range"
  | "too_many_events"
  | "trailing_bytes"
  | "bad_base64";

export class LogDecodeError extends Error {
  readonly code: LogDecodeErrorCode;
  /** Byte offset where the problem was detected (-1 if not applicable). */
  readonly offset: number;
  constructor(code: LogDecodeErrorCode, message: string, offset = -1) {
    super(`${code}: ${message}${offset >= 0 ? ` (at byte ${offset})` : ""}`);
    this.name = "LogDecodeError";
    this.code = code;
    this.offset = offset;
  }
}

export type LogEncodeErrorCode = "not_quantized" | "out_of_order" | "out_of_range" | "bad_value" | "too_many_events";

export class LogEncodeError extends Error {
  readonly code: LogEncodeErrorCode;
  constructor(code: LogEncodeErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = "LogEncodeError";
    this.code = code;
  }
}

// ---------------------------------------------------------------------------
// Encoding

const zigzag = (n: number): number => (n >= 0 ? n * 2 : -n * 2 - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

class ByteWriter {
  buf: Uint8Array;
  pos = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }
  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }
  /** Unsigned LEB128, value in [0, 2^32). */
  varint(v: number): void {
    this.ensure(5);
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

function toTicksChecked(ms: number, what: string, i: number): number {
  const ticks = ms * TICKS_PER_MS;
  if (!Number.isInteger(ticks)) {
    throw new LogEncodeError("not_quantized", `${what}[${i}] = ${ms} ms is not a multiple of 1/${TICKS_PER_MS} ms`);
  }
  if (ticks < 0 || ticks > MAX_LOG_TICKS) {
    throw new LogEncodeError("out_of_range", `${what}[${i}] = ${ms} ms is outside [0, ${MAX_LOG_TICKS / TICKS_PER_MS}]`);
  }
  return ticks;
}

function checkOrder(ticks: number, prev: number, what: string, i: number): void {
  if (ticks < prev) throw new LogEncodeError("out_of_order", `${what}[${i}] goes back in time`);
}

/** Serialises a log. Throws LogEncodeError if it is not representable. */
export function encodeLog(log: InputLog): Uint8Array {
  const m = log.mouse;
  const b = log.buttons;
  const f = log.frames;
  const nm = m.t.length;
  const nb = b.t.length;
  const nf = f.t.length;
  if (m.dx.length !== nm || m.dy.length !== nm || b.id.length !== nb || b.down.length !== nb) {
    throw new LogEncodeError("bad_value", "column lengths differ");
  }
  if (nm + nb + nf > MAX_LOG_EVENTS) throw new LogEncodeError("too_many_events", `more than ${MAX_LOG_EVENTS} events`);

  const w = new ByteWriter(16 + nm * 3 + nb * 3 + nf * 2);
  for (let i = 0; i < LOG_MAGIC.length; i++) w.byte(LOG_MAGIC.charCodeAt(i));
  w.byte(LOG_VERSION);
  w.byte(0); // flags
  w.varint(nm);
  w.varint(nb);
  w.varint(nf);

  let prevT = 0;
  let prevDt = INITIAL_MOUSE_DT;
  for (let i = 0; i < nm; i++) {
    const t = toTicksChecked(m.t[i]!, "mouse.t", i);
    checkOrder(t, prevT, "mouse.t", i);
    const dx = m.dx[i]!;
    const dy = m.dy[i]!;
    if (Math.abs(dx) > MAX_MOUSE_DELTA || Math.abs(dy) > MAX_MOUSE_DELTA) {
      throw new LogEncodeError("out_of_range", `mouse[${i}] delta exceeds ${MAX_MOUSE_DELTA}`);
    }
    const dt = t - prevT;
    const r = dt - prevDt;
    const form = mouseForm(r, dx, dy);
    if (form === SHORT) {
      // 0rrrrrxx xxxyyyyy: three 5-bit fields, offset 16
      const u = ((r + 16) << 10) | ((dx + 16) << 5) | (dy + 16);
      w.byte(u >> 8);
      w.byte(u & 0xff);
    } else if (form === MEDIUM) {
      // 10rrrrrr xxxxxxxx yyyyyyyy: 6-bit field offset 32, 8-bit fields offset 128
      w.byte(0x80 | (r + 32));
      w.byte(dx + 128);
      w.byte(dy + 128);
    } else {
      w.byte(LONG_MOUSE_TAG);
      w.varint(dt);
      w.varint(zigzag(dx));
      w.varint(zigzag(dy));
    }
    prevT = t;
    prevDt = dt;
  }

  prevT = 0;
  for (let i = 0; i < nb; i++) {
    const t = toTicksChecked(b.t[i]!, "buttons.t", i);
    checkOrder(t, prevT, "buttons.t", i);
    const id = b.id[i]!;
    const down = b.down[i]!;
    if (id > MAX_BUTTON_ID || down > 1) throw new LogEncodeError("bad_value", `buttons[${i}] has id ${id}, down ${down}`);
    w.varint(t - prevT);
    w.byte((id << 1) | down);
    prevT = t;
  }

  prevT = 0;
  for (let i = 0; i < nf; i++) {
    const t = toTicksChecked(f.t[i]!, "frames.t", i);
    checkOrder(t, prevT, "frames.t", i);
    w.varint(t - prevT);
    prevT = t;
  }
  return w.result();
}

// ---------------------------------------------------------------------------
// Decoding

class ByteReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  get remaining(): number {
    return this.buf.length - this.pos;
  }
  byte(): number {
    if (this.pos >= this.buf.length) throw new LogDecodeError("truncated", "unexpected end of data", this.pos);
    return this.buf[this.pos++]!;
  }
  /** Canonical unsigned LEB128 below 2^32 (at most 5 bytes, no redundant trailing zero byte). */
  varint(): number {
    const start = this.pos;
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      v += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) {
        if (b === 0 && i > 0) throw new LogDecodeError("bad_varint", "overlong varint", start);
        if (v > 0xffffffff) throw new LogDecodeError("bad_varint", "varint exceeds 32 bits", start);
        return v;
      }
      scale *= 0x80;
    }
    throw new LogDecodeError("bad_varint", "varint longer than 5 bytes", start);
  }
}

/**
 * Parses bytes produced by encodeLog. Strict: rejects anything encodeLog would
 * not have produced (so encodeLog(decodeLog(b)) equals b). Runs in time linear
 * in the input and allocates at most a constant factor of its size.
 */
export function decodeLog(bytes: Uint8Array): InputLog {
  if (!(bytes instanceof Uint8Array)) throw new LogDecodeError("bad_input", "expected a Uint8Array");
  const r = new ByteReader(bytes);
  if (bytes.length < 5) {
    // Distinguish "not a log at all" from "cut short".
    for (let i = 0; i < Math.min(3, bytes.length); i++) {
      if (bytes[i] !== LOG_MAGIC.charCodeAt(i)) throw new LogDecodeError("bad_magic", "not a Flickboard log", 0);
    }
    throw new LogDecodeError("truncated", "header cut short", bytes.length);
  }
  for (let i = 0; i < 3; i++) {
    if (r.byte() !== LOG_MAGIC.charCodeAt(i)) throw new LogDecodeError("bad_magic", "not a Flickboard log", 0);
  }
  const version = r.byte();
  if (version !== LOG_VERSION) throw new LogDecodeError("bad_version", `unsupported version ${version}`, 3);
  const flags = r.byte();
  if (flags !== 0) throw new LogDecodeError("bad_flags", `unknown flags 0x${flags.toString(16)}`, 4);
  const nm = r.varint();
  const nb = r.varint();
  const nf = r.varint();
  if (nm + nb + nf > MAX_LOG_EVENTS) {
    throw new LogDecodeError("too_many_events", `${nm + nb + nf} events exceed ${MAX_LOG_EVENTS}`, 5);
  }
  // Every mouse and button record takes at least 2 bytes, a frame at least 1:
  // reject impossible counts before allocating anything.
  if (nm * 2 + nb * 2 + nf > r.remaining) {
    throw new LogDecodeError("truncated", "event counts exceed the data present", r.pos);
  }

  const log: InputLog = {
    mouse: { t: new Float64Array(nm), dx: new Int32Array(nm), dy: new Int32Array(nm) },
    buttons: { t: new Float64Array(nb), id: new Uint8Array(nb), down: new Uint8Array(nb) },
    frames: { t: new Float64Array(nf) },
  };

  let t = 0;
  let prevDt = INITIAL_MOUSE_DT;
  for (let i = 0; i < nm; i++) {
    const at = r.pos;
    const b0 = r.byte();
    let dt: number;
    let dx: number;
    let dy: number;
    if ((b0 & 0x80) === 0) {
      const b1 = r.byte();
      dt = prevDt + ((b0 >> 2) & 0x1f) - 16;
      dx = (((b0 & 0x03) << 3) | (b1 >> 5)) - 16;
      dy = (b1 & 0x1f) - 16;
    } else if ((b0 & 0xc0) === 0x80) {
      dt = prevDt + (b0 & 0x3f) - 32;
      dx = r.byte() - 128;
      dy = r.byte() - 128;
      if (mouseForm(dt - prevDt, dx, dy) !== MEDIUM) {
        throw new LogDecodeError("bad_record", `mouse[${i}] uses the medium form for a short record`, at);
      }
    } else if (b0 === LONG_MOUSE_TAG) {
      dt = r.varint();
      dx = unzigzag(r.varint());
      dy = unzigzag(r.varint());
      if (Math.abs(dx) > MAX_MOUSE_DELTA || Math.abs(dy) > MAX_MOUSE_DELTA) {
        throw new LogDecodeError("out_of_range", `mouse[${i}] delta too large`, at);
      }
      if (mouseForm(dt - prevDt, dx, dy) !== LONG) {
        throw new LogDecodeError("bad_record", `mouse[${i}] uses the long form for a shorter record`, at);
      }
    } else {
      throw new LogDecodeError("bad_record", `mouse[${i}] has unknown tag 0x${b0.toString(16)}`, at);
    }
    if (dt < 0) throw new LogDecodeError("out_of_order", `mouse[${i}] goes back in time`, at);
    t += dt;
    if (t > MAX_LOG_TICKS) throw new LogDecodeError("out_of_range", `mouse[${i}] time beyond ${MAX_LOG_TICKS} ticks`, at);
    log.mouse.t[i] = t / TICKS_PER_MS;
    log.mouse.dx[i] = dx;
    log.mouse.dy[i] = dy;
    prevDt = dt;
  }

  t = 0;
  for (let i = 0; i < nb; i++) {
    const at = r.pos;
    t += r.varint();
    if (t > MAX_LOG_TICKS) throw new LogDecodeError("out_of_range", `buttons[${i}] time beyond ${MAX_LOG_TICKS} ticks`, at);
    const b = r.byte();
    if (b >> 1 > MAX_BUTTON_ID) throw new LogDecodeError("bad_record", `buttons[${i}] has button id ${b >> 1}`, at);
    log.buttons.t[i] = t / TICKS_PER_MS;
    log.buttons.id[i] = b >> 1;
    log.buttons.down[i] = b & 1;
  }

  t = 0;
  for (let i = 0; i < nf; i++) {
    const at = r.pos;
    t += r.varint();
    if (t > MAX_LOG_TICKS) throw new LogDecodeError("out_of_range", `frames[${i}] time beyond ${MAX_LOG_TICKS} ticks`, at);
    log.frames.t[i] = t / TICKS_PER_MS;
  }

  if (r.remaining !== 0) throw new LogDecodeError("trailing_bytes", `${r.remaining} bytes after the last record`, r.pos);
  return log;
}

/** Exact equality of two logs (same events, same order). */
export function inputLogsEqual(a: InputLog, b: InputLog): boolean {
  const eq = (x: ArrayLike<number>, y: ArrayLike<number>): boolean => {
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  };
  return (
    eq(a.mouse.t, b.mouse.t) &&
    eq(a.mouse.dx, b.mouse.dx) &&
    eq(a.mouse.dy, b.mouse.dy) &&
    eq(a.buttons.t, b.buttons.t) &&
    eq(a.buttons.id, b.buttons.id) &&
    eq(a.buttons.down, b.buttons.down) &&
    eq(a.frames.t, b.frames.t)
  );
}

// ---------------------------------------------------------------------------
// Base64 (RFC 4648, standard alphabet, with padding), independent of btoa/Buffer.

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = "";
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = "";
    }
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((i + 1 < n ? bytes[i + 1]! : 0) << 8);
    chunk += B64[v >> 18]! + B64[(v >> 12) & 63]! + (i + 1 < n ? B64[(v >> 6) & 63]! : "=") + "=";
  }
  parts.push(chunk);
  return parts.join("");
}

/**
 * Strict decoder that accepts only the canonical encoding, the one toBase64 produces: standard
 * alphabet (no URL-safe "-_"), no whitespace, length a multiple of 4, padding only at the end and
 * only as much as needed, and zero bits after the last byte (so "QR==" is refused; it decodes to
 * the same byte as "QQ=="). Each byte string therefore has exactly one accepted text.
 * Throws LogDecodeError("bad_base64").
 */
export function fromBase64(s: string): Uint8Array {
  if (typeof s !== "string" || s.length % 4 !== 0) {
    throw new LogDecodeError("bad_base64", "base64 length must be a multiple of 4");
  }
  let pad = 0;
  if (s.endsWith("==")) pad = 2;
  else if (s.endsWith("=")) pad = 1;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let v = 0;
    for (let j = 0; j < 4; j++) {
      const c = s.charCodeAt(i + j);
      let d: number;
      if (c === 61 /* = */ && i + 4 === s.length && j >= 4 - pad) d = 0;
      else {
        d = c < 128 ? B64_INDEX[c]! : -1;
        if (d < 0) throw new LogDecodeError("bad_base64", `invalid base64 character at ${i + j}`);
      }
      v = (v << 6) | d;
    }
    if (i + 4 === s.length && pad > 0 && (v & (pad === 2 ? 0xffff : 0xff)) !== 0) {
      throw new LogDecodeError("bad_base64", "non-zero bits after the last byte (non-canonical base64)");
    }
    out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 0xff;
    if (o < out.length) out[o++] = v & 0xff;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Recorder

function grow<T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const next = make(a.length * 2);
  next.set(a);
  return next;
}

/**
 * Records input as it happens (client side). Quantises timestamps to ticks and
 * fractional pointer-lock deltas to integer counts (carrying the remainder to
 * the next event), keeps each stream's time non-decreasing, and stores into
 * typed arrays that double when full; record methods do not allocate otherwise.
 *
 * The Simulation owns one recorder and feeds every input through it, so the
 * recorded log is exactly what the simulation consumed.
 */
export class LogRecorder {
  private mT: Int32Array;
  private mDx: Int32Array;
  private mDy: Int32Array;
  private mN = 0;
  private bT: Int32Array;
  private bId: Uint8Array;
  private bDown: Uint8Array;
  private bN = 0;
  private fT: Int32Array;
  private fN = 0;
  private remX = 0;
  private remY = 0;

  /** Mouse/button times (ticks) below these are raised to them (set by Simulation). */
  mouseFloorTicks = 0;
  buttonFloorTicks = 0;
  /** Events whose quantised time exceeds this are dropped. */
  maxTicks = MAX_LOG_TICKS;
  /** How many recorded events had their time raised (out-of-order arrival). */
  adjusted = 0;
  /** Values of the last recorded event. */
  lastTicks = 0;
  lastDx = 0;
  lastDy = 0;

  constructor(capacity = 4096) {
    const c = Math.max(16, capacity | 0);
    this.mT = new Int32Array(c);
    this.mDx = new Int32Array(c);
    this.mDy = new Int32Array(c);
    this.bT = new Int32Array(64);
    this.bId = new Uint8Array(64);
    this.bDown = new Uint8Array(64);
    this.fT = new Int32Array(Math.max(16, c >> 2));
  }

  get mouseCount(): number {
    return this.mN;
  }
  get buttonCount(): number {
    return this.bN;
  }
  get frameCount(): number {
    return this.fN;
  }

  private quantiseTime(tMs: number, floor: number): number {
    let ticks = msToTicks(tMs);
    if (ticks < floor) {
      if (ticks < 0 && floor === 0) ticks = 0;
      else {
        ticks = floor;
        this.adjusted++;
      }
    }
    return ticks;
  }

  /** Records a (possibly fractional) movement. Returns false if nothing was recorded. */
  mouseMove(tMs: number, dx: number, dy: number): boolean {
    if (!Number.isFinite(tMs) || !Number.isFinite(dx) || !Number.isFinite(dy)) return false;
    const vx = dx + this.remX;
    const vy = dy + this.remY;
    let qx = Math.round(vx);
    let qy = Math.round(vy);
    this.remX = vx - qx;
    this.remY = vy - qy;
    if (qx === 0 && qy === 0) return false; // carried to the next event
    const prev = this.mN > 0 ? this.mT[this.mN - 1]! : 0;
    const ticks = this.quantiseTime(tMs, Math.max(prev, this.mouseFloorTicks));
    if (ticks > this.maxTicks) return false;
    if (qx > MAX_MOUSE_DELTA) qx = MAX_MOUSE_DELTA;
    else if (qx < -MAX_MOUSE_DELTA) qx = -MAX_MOUSE_DELTA;
    if (qy > MAX_MOUSE_DELTA) qy = MAX_MOUSE_DELTA;
    else if (qy < -MAX_MOUSE_DELTA) qy = -MAX_MOUSE_DELTA;
    if (this.mN === this.mT.length) {
      this.mT = grow(this.mT, (n) => new Int32Array(n));
      this.mDx = grow(this.mDx, (n) => new Int32Array(n));
      this.mDy = grow(this.mDy, (n) => new Int32Array(n));
    }
    this.mT[this.mN] = ticks;
    this.mDx[this.mN] = qx;
    this.mDy[this.mN] = qy;
    this.mN++;
    this.lastTicks = ticks;
    this.lastDx = qx;
    this.lastDy = qy;
    return true;
  }

  /** Records a button transition. Returns false if dropped (bad id or after maxTicks). */
  button(tMs: number, id: number, down: boolean): boolean {
    if (!Number.isFinite(tMs) || !Number.isInteger(id) || id < 0 || id > MAX_BUTTON_ID) return false;
    const prev = this.bN > 0 ? this.bT[this.bN - 1]! : 0;
    const ticks = this.quantiseTime(tMs, Math.max(prev, this.buttonFloorTicks));
    if (ticks > this.maxTicks) return false;
    if (this.bN === this.bT.length) {
      this.bT = grow(this.bT, (n) => new Int32Array(n));
      this.bId = grow(this.bId, (n) => new Uint8Array(n));
      this.bDown = grow(this.bDown, (n) => new Uint8Array(n));
    }
    this.bT[this.bN] = ticks;
    this.bId[this.bN] = id;
    this.bDown[this.bN] = down ? 1 : 0;
    this.bN++;
    this.lastTicks = ticks;
    return true;
  }

  /** Records a presented frame. Returns false if dropped (after maxTicks). */
  frame(tMs: number): boolean {
    if (!Number.isFinite(tMs)) return false;
    const prev = this.fN > 0 ? this.fT[this.fN - 1]! : 0;
    const ticks = this.quantiseTime(tMs, prev);
    if (ticks > this.maxTicks) return false;
    if (this.fN === this.fT.length) this.fT = grow(this.fT, (n) => new Int32Array(n));
    this.fT[this.fN++] = ticks;
    this.lastTicks = ticks;
    return true;
  }

  /** Time (ticks) of the last recorded frame, or -1. */
  get lastFrameTicks(): number {
    return this.fN > 0 ? this.fT[this.fN - 1]! : -1;
  }

  /** Copies the recorded events out as an InputLog. */
  toLog(): InputLog {
    const ms = (src: Int32Array, n: number): Float64Array => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = src[i]! / TICKS_PER_MS;
      return out;
    };
    return {
      mouse: { t: ms(this.mT, this.mN), dx: this.mDx.slice(0, this.mN), dy: this.mDy.slice(0, this.mN) },
      buttons: { t: ms(this.bT, this.bN), id: this.bId.slice(0, this.bN), down: this.bDown.slice(0, this.bN) },
      frames: { t: ms(this.fT, this.fN) },
    };
  }

  encode(): Uint8Array {
    return encodeLog(this.toLog());
  }
}
