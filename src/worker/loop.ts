/**
 * The worker's scheduler: reacts to page messages, trains in short time slices (so a new configuration
 * is seen within a few ms), paces training to the chosen speed and paces snapshots to the page's acks.
 * The host (real worker or a test double) supplies the clock, the task queue and `post`.
 */

import type { Backend } from '../core/backend';
import type { Box } from '../core/box';
import type { MarkName } from '../protocol/timing';
import {
  assertNever,
  type FromWorker,
  type InspectView,
  type Speed,
  snapshotTransfer,
  TIMELAPSE,
  type ToWorker,
  weightsTransfer,
} from '../protocol/training';
import { lapsePasses, lapseTime } from './pace';
import { Session } from './session';

export interface Host {
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  /** Runs `fn` as a new task, after the messages already queued. */
  soon(fn: () => void): void;
  /** Runs `fn` after about `ms` milliseconds. */
  after(fn: () => void, ms: number): void;
  /** Records a timing mark for benchmarks (see timing.ts); optional. */
  mark?(name: MarkName, detail: Record<string, number>): void;
  /** The engine sessions train with; the JavaScript one when absent. */
  backend?: Backend;
}

/** Training time per slice; messages are handled between slices. */
export const SLICE_MS = 6;
/**
 * The first slice of a run is short, so that a new configuration's result is drawn soon after the
 * slider moved (bench/browser.ts measures it): a few hundred passes of a small network, a few of a big one.
 */
export const FIRST_SLICE_MS = 4;
/** At most this share of the worker's time goes to building snapshots (grid evaluation). */
const SNAPSHOT_SHARE = 1 / 3;

type ConfigMsg = Extract<ToWorker, { type: 'config' }>;

export class TrainingLoop {
  private session: Session | null = null;
  private pending: ConfigMsg | null = null;
  private gen = -1;
  private playing = false;
  private speed: Speed = Number.POSITIVE_INFINITY;
  private aspect = 1;
  private box: Box | null = null;
  private view: InspectView = { unit: null, hidden: null };
  /** A `weights` request waiting for the current generation's session. */
  private weightsWanted = false;
  private steps = 0;
  private dirty = false;
  private awaitingAck = false;
  private lastSeq = -1;
  private tickQueued = false;
  private timerQueued = false;
  /** Passes the speed limit allows now (limited speeds only). */
  private credit = 0;
  private creditAt = 0;
  /** When the last snapshot was sent; snapshots may take `SNAPSHOT_SHARE` of the time since. */
  private sentAt = 0;
  private snapshotMs = 0;
  /** Time-lapse: when the lapse clock would have started to be at the current pass now. */
  private lapseStart = 0;
  private ppsPasses = 0;
  private ppsStart = 0;
  /** Time spent in training itself within the current pps window (no snapshots, no idling). */
  private ppsTrainMs = 0;
  /** The fastest full slice of the window, in passes per second (what other processes left alone). */
  private ppsBestSlice = 0;
  private pps = 0;

  constructor(private readonly host: Host) {}

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'config':
        // Only the latest configuration is built, at the next tick: a burst of messages costs nothing.
        this.pending = msg;
        this.gen = msg.gen;
        this.playing = msg.playing;
        this.speed = msg.speed;
        this.aspect = msg.aspect;
        this.box = msg.box;
        this.view = msg.inspect;
        this.steps = 0;
        this.awaitingAck = false;
        this.weightsWanted = false;
        break;
      case 'inspect':
        this.view = msg.view;
        this.dirty = true;
        break;
      case 'setWeight':
        // A run still being built has no weights to edit yet (the page edits only what it was shown).
        if (msg.gen !== this.gen || this.pending || this.session?.gen !== msg.gen) return;
        // A snapshot follows either way (the page owes it to the watchdog); a refused edit shows no change.
        this.session.setWeight(msg.ref, msg.value);
        this.dirty = true;
        break;
      case 'weights':
        if (msg.gen !== this.gen) return;
        this.weightsWanted = true;
        break;
      case 'play':
        if (msg.gen !== this.gen) return;
        this.playing = msg.playing;
        this.dirty = true;
        this.resetPace();
        break;
      case 'speed':
        this.speed = msg.speed;
        this.resetPace();
        break;
      case 'step':
        if (msg.gen !== this.gen) return;
        this.playing = false;
        this.steps++;
        break;
      case 'view':
        this.aspect = msg.aspect;
        this.box = msg.box;
        this.session?.setView(msg.aspect, msg.box);
        this.dirty = true;
        break;
      case 'ack':
        if (msg.gen !== this.gen || msg.seq !== this.lastSeq) return;
        this.awaitingAck = false;
        break;
      default:
        assertNever(msg);
    }
    this.wake();
  }

  private wake(): void {
    if (this.tickQueued) return;
    this.tickQueued = true;
    this.host.soon(() => {
      this.tickQueued = false;
      this.tick();
    });
  }

  private resetPace(): void {
    this.credit = 0;
    this.creditAt = this.host.now();
    // The time-lapse goes on from the current pass at the pace it had there.
    this.lapseStart = this.creditAt - lapseTime(this.session?.pass ?? 0);
    this.ppsPasses = 0;
    this.ppsStart = this.creditAt;
    this.ppsTrainMs = 0;
    this.ppsBestSlice = 0;
  }

  private tick(): void {
    try {
      let slice = SLICE_MS;
      if (this.pending) {
        const p = this.pending;
        this.pending = null;
        this.session = new Session(p.gen, p.config, this.aspect, p.data, this.box, this.host.backend);
        this.lastSeq = -1;
        this.dirty = true;
        this.sentAt = this.host.now();
        this.snapshotMs = 0;
        this.pps = 0;
        this.resetPace();
        slice = FIRST_SLICE_MS;
      }
      const s = this.session;
      if (!s) return;
      if (this.weightsWanted) {
        this.weightsWanted = false;
        const weights = s.weights();
        this.host.post({ type: 'weights', gen: s.gen, pass: s.pass, weights }, weightsTransfer(weights));
      }
      if (this.steps > 0) {
        for (; this.steps > 0; this.steps--) s.advance(1, Number.POSITIVE_INFINITY, () => this.host.now());
        this.dirty = true;
      } else if (this.playing && !s.end) {
        this.train(s, slice);
      }
      this.maybeSend(s);
      this.scheduleNext(s);
    } catch (e) {
      this.fail(e);
    }
  }

  private train(s: Session, slice: number): void {
    const t0 = this.host.now();
    let max = Number.POSITIVE_INFINITY;
    if (this.speed === TIMELAPSE) {
      max = Math.floor(lapsePasses(t0 - this.lapseStart)) - s.pass;
    } else if (Number.isFinite(this.speed)) {
      // Cap the credit so that a stall is not followed by a burst.
      const cap = Math.max(1, this.speed * 0.1);
      this.credit = Math.min(cap, this.credit + (this.speed * (t0 - this.creditAt)) / 1000);
      this.creditAt = t0;
      max = Math.floor(this.credit);
    }
    if (max <= 0) return;
    const done = s.advance(max, t0 + slice, () => this.host.now());
    if (this.speed !== TIMELAPSE && Number.isFinite(this.speed)) this.credit -= done;
    this.ppsPasses += done;
    const dt = this.host.now() - t0;
    this.ppsTrainMs += dt;
    if (dt >= slice / 2) this.ppsBestSlice = Math.max(this.ppsBestSlice, (done * 1000) / dt);
    if (done > 0) this.dirty = true;
  }

  private maybeSend(s: Session): void {
    if (!this.dirty || this.awaitingAck) return;
    const active = this.playing && !s.end;
    const t0 = this.host.now();
    // Wall time, not training time: at a limited speed the worker mostly waits, and that time counts.
    if (
      active &&
      this.lastSeq >= 0 &&
      (t0 - this.sentAt) * SNAPSHOT_SHARE < this.snapshotMs * (1 - SNAPSHOT_SHARE)
    ) {
      return;
    }
    const steady = this.speed !== TIMELAPSE && Number.isFinite(this.speed);
    const window = Math.max(500, steady ? 3000 / this.speed : 0);
    if (t0 - this.ppsStart >= window) {
      this.pps = (this.ppsPasses * 1000) / (t0 - this.ppsStart);
      if (this.ppsTrainMs > 0) {
        const enginePps = (this.ppsPasses * 1000) / this.ppsTrainMs;
        const bestSlicePps = this.ppsBestSlice;
        this.host.mark?.('nn:pps', { pps: this.pps, enginePps, bestSlicePps, passes: this.ppsPasses });
      }
      this.ppsTrainMs = 0;
      this.ppsBestSlice = 0;
      this.ppsPasses = 0;
      this.ppsStart = t0;
    }
    const snap = s.snapshot(this.playing, this.pps, this.view);
    this.snapshotMs = this.host.now() - t0;
    this.host.mark?.('nn:snapshot', {
      gen: snap.gen,
      ms: this.snapshotMs,
      cells: snap.grid.width * snap.grid.height,
    });
    this.sentAt = this.host.now();
    this.lastSeq = snap.seq;
    this.awaitingAck = true;
    this.dirty = false;
    this.host.post(snap, snapshotTransfer(snap));
  }

  private scheduleNext(s: Session): void {
    if (s.end || !this.playing) return;
    let wait = 0;
    if (this.speed === TIMELAPSE) {
      wait = this.lapseStart + lapseTime(s.pass + 1) - this.host.now();
    } else if (Number.isFinite(this.speed) && this.credit < 1) {
      wait = ((1 - this.credit) * 1000) / this.speed;
    }
    if (wait <= 0) {
      this.wake();
      return;
    }
    if (this.timerQueued) return;
    this.timerQueued = true;
    this.host.after(
      () => {
        this.timerQueued = false;
        this.tick();
      },
      Math.max(1, wait),
    );
  }

  private fail(e: unknown): void {
    this.session = null;
    this.pending = null;
    const message = e instanceof Error ? e.message : String(e);
    this.host.post({ type: 'error', gen: this.gen, message }, []);
  }
}
