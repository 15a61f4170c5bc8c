/**
 * Hit and miss sounds, synthesised with Web Audio (no audio files): a short bright blip for a hit,
 * a low dull knock for a miss. Browsers start audio only after a user gesture, so the AudioContext
 * is made by `unlock()`, which the play page calls from the click or key that starts a run. Volume 0
 * makes no context at all.
 */

/** A sound's peak gain for the volume setting (0-100): perceived loudness is closer to the square. */
export function gainForVolume(volume: number): number {
  const v = Math.min(100, Math.max(0, volume)) / 100;
  return 0.4 * v * v;
}

interface Tone {
  type: OscillatorType;
  /** Start and end frequency (Hz): a fast sweep reads as a click rather than a beep. */
  from: number;
  to: number;
  seconds: number;
  /** Relative to the volume's gain. */
  level: number;
}

const HIT: Tone = { type: "triangle", from: 1800, to: 1100, seconds: 0.06, level: 1 };
const MISS: Tone = { type: "sine", from: 220, to: 120, seconds: 0.09, level: 0.7 };

export class ShotSounds {
  private context: AudioContext | null = null;

  constructor(private volume: number) {}

  setVolume(volume: number): void {
    this.volume = volume;
  }

  /** Makes (or resumes) the audio context. Call from a user gesture. */
  unlock(): void {
    if (this.volume <= 0 || typeof AudioContext === "undefined") return;
    this.context ??= new AudioContext();
    if (this.context.state === "suspended") void this.context.resume();
  }

  /** The context's state, or "off" before unlock() or at volume 0: for the page to show and tests to read. */
  get state(): AudioContextState | "off" {
    return this.context?.state ?? "off";
  }

  hit(): void {
    this.play(HIT);
  }

  miss(): void {
    this.play(MISS);
  }

  private play(tone: Tone): void {
    const ctx = this.context;
    const gain = gainForVolume(this.volume) * tone.level;
    if (!ctx || gain <= 0) return;
    const t = ctx.currentTime;
    const osc = ctx.createOscillator();
    const env = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.setValueAtTime(tone.from, t);
    osc.frequency.exponentialRampToValueAtTime(tone.to, t + tone.seconds);
    // A 3 ms attack avoids a click at the start; the exponential tail ends just above silence.
    env.gain.setValueAtTime(0.0001, t);
    env.gain.exponentialRampToValueAtTime(gain, t + 0.003);
    env.gain.exponentialRampToValueAtTime(0.0001, t + tone.seconds);
    osc.connect(env).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + tone.seconds + 0.01);
  }

  close(): void {
    void this.context?.close();
    this.context = null;
  }
}
