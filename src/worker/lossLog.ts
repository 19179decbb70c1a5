/** A growable list of losses, one per pass, that allocates only when it doubles. */
export class LossLog {
  private data = new Float64Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** A copy of entries [from, length), safe to transfer. */
  tail(from: number): Float64Array {
    return this.data.slice(from, this.length);
  }
}
