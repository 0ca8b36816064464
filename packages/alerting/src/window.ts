/**
 * The timestamps of one sliding window, sorted oldest first. An entry stamped `t` counts at every instant
 * of `[t, t + length)`: the window ending at `now` holds the entries of `(now - length, now]`.
 *
 * Memory is one number per entry still inside the window: `prune` drops the rest from the front, and the
 * array is compacted once the dropped prefix outgrows the live part. Entries may arrive out of order;
 * in-order arrivals cost O(1), out-of-order ones a binary search and a splice.
 */
export class SlidingWindow {
  private times: Array<number> = []
  private head = 0

  /** @param length the window's length, in the same unit as the timestamps (ms in the engine). */
  constructor(readonly length: number) {}

  /** How many entries are held (after the last `prune`, all inside the window). */
  get size(): number {
    return this.times.length - this.head
  }

  /** The first index (from the live head) whose entry is later than `t`. */
  private upperBound(t: number): number {
    let low = this.head
    let high = this.times.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.times[middle] as number) <= t) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Adds an entry stamped `at`, keeping the entries sorted. */
  insert(at: number): void {
    const last = this.times[this.times.length - 1]
    if (this.size === 0 || last === undefined || at >= last) this.times.push(at)
    else this.times.splice(this.upperBound(at), 0, at)
  }

  /** Drops the entries no window ending at `now` or later holds: those stamped `now - length` or earlier. */
  prune(now: number): void {
    this.head = this.upperBound(now - this.length)
    if (this.head === this.times.length) {
      this.times = []
      this.head = 0
    } else if (this.head > 64 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head)
      this.head = 0
    }
  }

  /** How many entries the window ending at `t` holds: those stamped in `(t - length, t]`. */
  countAt(t: number): number {
    return this.upperBound(t) - this.upperBound(t - this.length)
  }

  /** The latest entry, if any. */
  newest(): number | undefined {
    return this.size === 0 ? undefined : this.times[this.times.length - 1]
  }

  /**
   * The instant from which the window holds fewer than `k` entries, if no entry is added: the `k`-th
   * newest entry's stamp plus the length. `-Infinity` when it already holds fewer than `k`.
   */
  dropsBelowAt(k: number): number {
    const kthNewest = this.size >= k ? this.times[this.times.length - k] : undefined
    return kthNewest === undefined ? Number.NEGATIVE_INFINITY : kthNewest + this.length
  }
}
