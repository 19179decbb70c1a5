/**
 * One loss curve, every pass of it, with a min/max summary of at most `MAX_BUCKETS` buckets so that the
 * chart draws in constant time however long training runs. Bucket sizes double as the run grows.
 */
export const MAX_BUCKETS = 2048;

export class LossSeries {
  /** Every value, index = passes completed. Non-finite values are kept (the chart skips them). */
  private values = new Float32Array(4096);
  length = 0;
  /** Passes per bucket, a power of two. */
  bucketSize = 1;
  private mins = new Float32Array(MAX_BUCKETS);
  private maxs = new Float32Array(MAX_BUCKETS);

  append(src: ArrayLike<number>): void {
    for (let i = 0; i < src.length; i++) this.push(src[i]!);
  }

  push(v: number): void {
    if (this.length === this.values.length) {
      const next = new Float32Array(this.values.length * 2);
      next.set(this.values);
      this.values = next;
    }
    const i = this.length++;
    this.values[i] = v;
    let b = Math.floor(i / this.bucketSize);
    if (b >= MAX_BUCKETS) {
      this.halve();
      b = Math.floor(i / this.bucketSize);
    }
    const first = i % this.bucketSize === 0;
    const finite = Number.isFinite(v);
    if (first) {
      this.mins[b] = finite ? v : Number.POSITIVE_INFINITY;
      this.maxs[b] = finite ? v : Number.NEGATIVE_INFINITY;
    } else if (finite) {
      if (v < this.mins[b]!) this.mins[b] = v;
      if (v > this.maxs[b]!) this.maxs[b] = v;
    }
  }

  /** Merges bucket pairs: the summary keeps its size, each bucket covers twice the passes. */
  private halve(): void {
    const { mins, maxs } = this;
    for (let j = 0; j < MAX_BUCKETS / 2; j++) {
      mins[j] = Math.min(mins[2 * j]!, mins[2 * j + 1]!);
      maxs[j] = Math.max(maxs[2 * j]!, maxs[2 * j + 1]!);
    }
    this.bucketSize *= 2;
  }

  get bucketCount(): number {
    return Math.ceil(this.length / this.bucketSize);
  }

  /** Smallest and largest finite value in bucket b (Infinity / -Infinity when it has none). */
  bucketMin(b: number): number {
    return this.mins[b]!;
  }

  bucketMax(b: number): number {
    return this.maxs[b]!;
  }

  at(i: number): number {
    return this.values[i]!;
  }

  /** Finite extent of all values, or null. */
  extent(from = 0): [number, number] | null {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    if (from === 0) {
      for (let b = 0; b < this.bucketCount; b++) {
        lo = Math.min(lo, this.mins[b]!);
        hi = Math.max(hi, this.maxs[b]!);
      }
    } else {
      for (let i = Math.max(0, from); i < this.length; i++) {
        const v = this.values[i]!;
        if (Number.isFinite(v)) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
    }
    return lo <= hi ? [lo, hi] : null;
  }
}
