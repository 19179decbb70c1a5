/** Shared helpers for component tests: a quiet canvas under jsdom, boxes, downloads and snapshot builders. */
import { vi } from 'vitest';
import type { FromWorker, Snapshot, ToWorker } from '../../src/protocol/training';

// jsdom has no canvas; make getContext return null quietly instead of logging "not implemented".
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

// jsdom's Blob has no text(); browsers' do.
if (typeof Blob !== 'undefined' && !Blob.prototype.text) {
  Blob.prototype.text = function (this: Blob) {
    return new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(this);
    });
  };
}

/** Every element's box is width x height CSS pixels at the page's origin (jsdom lays nothing out). */
export function mockBoxes(width: number, height: number): void {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 0,
    top: 0,
    right: width,
    bottom: height,
    width,
    height,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
}

export interface Download {
  name: string;
  blob: Blob;
}

/** Records the page's downloads (a link clicked with an object URL) instead of making them. */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((b: Blob) => {
    last = b;
    return 'blob:x';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) downloads.push({ name: this.download, blob: last });
  });
  return downloads;
}

export function makeSnapshot(gen: number, seq: number, patch: Partial<Snapshot> = {}): Snapshot {
  const width = 4;
  const height = 3;
  return {
    type: 'snapshot',
    gen,
    seq,
    pass: 10 * (seq + 1),
    passes: 20000,
    state: 'training',
    divergedAt: null,
    trainLoss: 0.3,
    testLoss: null,
    trainAcc: 0.9,
    testAcc: null,
    lr: 0.01,
    pps: 1234,
    engine: 'wasm',
    grid: {
      width,
      height,
      classes: 2,
      box: { x0: -1, x1: 1, y0: -1, y1: 1 },
      probs: new Float32Array(width * height * 2).fill(0.5),
    },
    lossFrom: 10 * seq,
    trainLosses: new Float64Array(10).fill(0.3),
    testLosses: null,
    params: 17,
    weights: null,
    unit: null,
    hidden: null,
    nodes: null,
    ...patch,
  };
}

/** A stand-in for the training worker: records what the page sends (as the real one would receive it). */
export class FakeWorker {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(msg: ToWorker) {
    this.sent.push(structuredClone(msg));
  }
  terminate() {
    this.terminated = true;
  }
  receive(msg: FromWorker) {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }
}
