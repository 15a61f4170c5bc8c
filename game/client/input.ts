/**
 * Mouse input under pointer lock: every coalesced movement event (not one per frame), button
 * presses, optional keyboard fire, and a filter for pointer-lock movement spikes.
 *
 * Raw input: `requestPointerLock({ unadjustedMovement: true })` bypasses OS acceleration where the
 * browser allows it; where it is refused (unsupported, or headless) the plain lock is used and
 * `rawInput` says so, to be recorded on the run.
 */

/** Where input goes: the game core's Simulation is one. */
export interface InputSink {
  /** A mouse movement in counts at `t` ms since the run clock's origin. */
  mouseMove(t: number, dx: number, dy: number): void;
  button(t: number, button: number, down: boolean): void;
}

/**
 * The fastest hand movement we accept: 8 m/s (315 in/s), far beyond a human flick. A movement
 * event implying more, for the time since the previous one, is a known pointer-lock glitch (spikes
 * of thousands of pixels on lock, unlock or window focus changes) and is dropped.
 */
const MAX_INCHES_PER_MS = 0.315;
/** Events so close together that their gap says nothing about speed still get this much time. */
const MIN_GAP_MS = 1;

export class SpikeFilter {
  private lastT = -Infinity;
  dropped = 0;

  constructor(private readonly dpi: number) {}

  accept(t: number, dx: number, dy: number): boolean {
    const gap = Math.max(t - this.lastT, MIN_GAP_MS);
    const limit = this.dpi * MAX_INCHES_PER_MS * Math.min(gap, 50);
    if (Math.abs(dx) > limit || Math.abs(dy) > limit) {
      this.dropped++;
      return false;
    }
    this.lastT = t;
    return true;
  }
}

export class PointerLockInput {
  rawInput = false;
  private readonly filter: SpikeFilter;
  private origin = 0;

  constructor(
    private readonly element: HTMLElement,
    private readonly sink: InputSink,
    private readonly options: { dpi: number; keyboardFire: string | null },
  ) {
    this.filter = new SpikeFilter(options.dpi);
  }

  get locked(): boolean {
    return document.pointerLockElement === this.element;
  }

  get spikesDropped(): number {
    return this.filter.dropped;
  }

  /** Acquires pointer lock, raw if the browser grants it. Must be called from a user gesture. */
  async lock(): Promise<void> {
    try {
      await this.element.requestPointerLock({ unadjustedMovement: true });
      this.rawInput = true;
    } catch {
      this.rawInput = false;
      await this.element.requestPointerLock();
    }
  }

  unlock(): void {
    if (this.locked) document.exitPointerLock();
  }

  /** Starts delivering events; times are reported relative to `origin` (a performance.now() value). */
  attach(origin: number): void {
    this.origin = origin;
    this.element.addEventListener("pointermove", this.onMove);
    this.element.addEventListener("mousedown", this.onDown);
    window.addEventListener("mouseup", this.onUp);
    window.addEventListener("keydown", this.onKeyDown);
    window.addEventListener("keyup", this.onKeyUp);
  }

  detach(): void {
    this.element.removeEventListener("pointermove", this.onMove);
    this.element.removeEventListener("mousedown", this.onDown);
    window.removeEventListener("mouseup", this.onUp);
    window.removeEventListener("keydown", this.onKeyDown);
    window.removeEventListener("keyup", this.onKeyUp);
  }

  private readonly deliverMove = (e: PointerEvent | MouseEvent) => {
    const t = e.timeStamp - this.origin;
    if ((e.movementX !== 0 || e.movementY !== 0) && this.filter.accept(t, e.movementX, e.movementY)) {
      this.sink.mouseMove(t, e.movementX, e.movementY);
    }
  };

  private readonly onMove = (e: PointerEvent) => {
    if (!this.locked) return;
    const coalesced = e.getCoalescedEvents?.();
    if (coalesced && coalesced.length > 0) for (let i = 0; i < coalesced.length; i++) this.deliverMove(coalesced[i]!);
    else this.deliverMove(e);
  };

  private readonly onDown = (e: MouseEvent) => {
    if (this.locked) this.sink.button(e.timeStamp - this.origin, e.button, true);
  };

  private readonly onUp = (e: MouseEvent) => {
    if (this.locked) this.sink.button(e.timeStamp - this.origin, e.button, false);
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (this.locked && !e.repeat && e.code === this.options.keyboardFire) this.sink.button(e.timeStamp - this.origin, 0, true);
  };

  private readonly onKeyUp = (e: KeyboardEvent) => {
    if (this.locked && e.code === this.options.keyboardFire) this.sink.button(e.timeStamp - this.origin, 0, false);
  };
}
