/**
 * The timestamps of one sliding window, sorted oldest first. An entry stamped `t` counts at every instant
 * of `[t, t + length)`: the window ending at `now` holds the entries of `(now - length, now]`.
 *
 * Memory is one number per entry still inside the window: `prune` drops the rest from the front, and the
 * array is compacted in place once the dropped prefix outgrows the live part. Entries may arrive out of
 * order; in-order arrivals cost O(1) (amortized, pruning included), and so do arrivals older than every entry
 * held (a capture replayed newest first), which take the free room before `head`; others a binary search and
 * a splice of the entries after their place.
 */
export class SlidingWindow {
  /** The entries, sorted; those before `head` are dropped. A plain array of doubles (stored unboxed). */
  protected times: Array<number> = []
  protected head = 0

  /** @param length the window's length, in the same unit as the timestamps (ms in the engine). */
  constructor(readonly length: number) {}

  /** How many entries are held (after the last `prune`, all inside the window). */
  get size(): number {
    return this.times.length - this.head
  }

  /** The first index (from the live head) whose entry is later than `t`. */
  protected upperBound(t: number): number {
    const times = this.times
    let low = this.head
    let high = times.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((times[middle] as number) <= t) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Adds an entry stamped `at`, keeping the entries sorted. */
  insert(at: number): void {
    const times = this.times
    const length = times.length
    if (length === this.head) {
      // A fresh array of one: most windows hold few entries, and a push would reserve room for 17.
      this.times = [at]
      this.head = 0
    } else if (at >= (times[length - 1] as number)) times.push(at)
    else if (at < (times[this.head] as number)) this.prepend(at)
    else times.splice(this.upperBound(at), 0, at)
  }

  // An entry older than every entry held goes into the room before `head`; when there is none, the live
  // entries move up by as many places as they are (at least 16), so that prepending n entries costs O(n).
  private prepend(at: number): void {
    if (this.head === 0) {
      const live = this.times
      const room = Math.max(16, live.length)
      const moved: Array<number> = new Array<number>(room + live.length).fill(Number.NEGATIVE_INFINITY)
      for (let i = 0; i < live.length; i++) moved[room + i] = live[i] as number
      this.times = moved
      this.head = room
    }
    this.head -= 1
    this.times[this.head] = at
  }

  /** Drops the entries no window ending at `now` or later holds: those stamped `now - length` or earlier. */
  prune(now: number): void {
    const times = this.times
    const length = times.length
    const bound = now - this.length
    let head = this.head
    if (head === length || (times[head] as number) > bound) return
    // Usually one or two entries leave per call: step over a few, then search.
    const stop = head + 8 < length ? head + 8 : length
    while (head < stop && (times[head] as number) <= bound) head += 1
    if (head === stop && head < length && (times[head] as number) <= bound) {
      this.head = head
      head = this.upperBound(bound)
    }
    if (head === length) {
      this.times = []
      this.head = 0
    } else if (head > 64 && head * 2 > length) {
      const live = length - head
      for (let i = 0; i < live; i++) times[i] = times[head + i] as number
      times.length = live
      this.head = 0
    } else this.head = head
  }

  /** How many entries the window ending at `t` holds: those stamped in `(t - length, t]`. */
  countAt(t: number): number {
    return this.upperBound(t) - this.upperBound(t - this.length)
  }

  /** The latest entry, if any. */
  newest(): number | undefined {
    return this.times.length === this.head ? undefined : this.times[this.times.length - 1]
  }

  /**
   * The instant from which the window holds fewer than `k` entries, if no entry is added: the `k`-th
   * newest entry's stamp plus the length. `-Infinity` when it already holds fewer than `k`.
   */
  dropsBelowAt(k: number): number {
    const index = this.times.length - k
    return index >= this.head ? (this.times[index] as number) + this.length : Number.NEGATIVE_INFINITY
  }
}
