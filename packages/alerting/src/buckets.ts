/** The largest count one bucket holds: a bucket saturates there (over 286 million a second at 15 s). */
const MAX_BUCKET = 0xffff_ffff

/**
 * Counts per evaluation bucket, kept for the last `span` buckets, with the sum of each of a few windows:
 * the window of width `w` (in buckets) ending at bucket `k` sums buckets `k - w + 1` to `k`.
 *
 * Counts go to the open bucket (`add`); `close(k)` ends it as bucket `k`, and is called for every `k` in
 * turn, so the sums are always those of the windows ending at the last closed bucket. Only buckets holding a
 * count are stored: two 32-bit numbers each (the bucket's index from the ring's first one, its count) in a
 * typed-array ring that doubles as needed, never beyond `span` + 1 pairs. Memory is 8 bytes per non-empty
 * bucket of the span, plus 16 bytes per window: a series counted in every bucket of a 3-day window at 15 s
 * holds 17,280 pairs (138 KB); the errors of a group that fail now and then, a few.
 */
export class BucketRing {
  /** Pairs (bucket index - `base`, count); logical index `i` at `(i & mask) * 2`. Made by the first pair. */
  private pairs: Uint32Array | undefined = undefined
  private mask = -1
  /** Logical index of the oldest pair held, and one past the newest. */
  private first = 0
  private end = 0
  /** Per window: the sum of the window ending at the last closed bucket, then the logical index of its oldest pair. */
  private readonly windows: Array<number>
  /** The count of the open bucket. */
  open = 0

  /**
   * @param widths the windows' widths, in buckets (positive integers)
   * @param widest the index in `widths` of the widest (the span)
   * @param base the index of the ring's first bucket: the open one when it is made
   */
  constructor(
    private readonly widths: ReadonlyArray<number>,
    private readonly widest: number,
    private readonly base: number,
  ) {
    // A plain array of doubles: a few numbers, and a typed array's own overhead is larger than they are.
    this.windows = new Array<number>(widths.length * 2).fill(0)
  }

  /** Counts `n` in the open bucket. */
  add(n: number): void {
    this.open += n
  }

  /** Ends the open bucket as bucket `k` (the one after the last closed); every window now ends at `k`. */
  close(k: number): void {
    const value = this.open < MAX_BUCKET ? this.open : MAX_BUCKET
    this.open = 0
    if (value > 0) this.push(k - this.base, value)
    const { pairs, windows, widths, end } = this
    if (pairs === undefined) return
    for (let i = 0; i < widths.length; i++) {
      // Buckets up to `k - width` leave the window.
      const bound = k - (widths[i] as number) - this.base
      let sum = (windows[2 * i] as number) + value
      let oldest = windows[2 * i + 1] as number
      while (oldest < end) {
        const slot = (oldest & this.mask) * 2
        if ((pairs[slot] as number) > bound) break
        sum -= pairs[slot + 1] as number
        oldest += 1
      }
      windows[2 * i] = sum
      windows[2 * i + 1] = oldest
    }
    this.first = windows[2 * this.widest + 1] as number
  }

  /** The sum of window `i` ending at the last closed bucket. */
  sum(i: number): number {
    return this.windows[2 * i] as number
  }

  /** The sum of window `i` ending at bucket `k`, the open one (`k` is the last closed bucket + 1): what it holds so far. */
  sumWithOpen(i: number, k: number): number {
    const oldest = this.windows[2 * i + 1] as number
    let sum = (this.windows[2 * i] as number) + this.open
    if (oldest < this.end && this.pairs !== undefined) {
      const slot = (oldest & this.mask) * 2
      if ((this.pairs[slot] as number) === k - (this.widths[i] as number) - this.base) sum -= this.pairs[slot + 1] as number
    }
    return sum
  }

  /** Whether it holds no count: none in the span, none in the open bucket. */
  get empty(): boolean {
    return this.first === this.end && this.open === 0
  }

  /** How many buckets it has room for (its memory is 8 bytes each). */
  get capacity(): number {
    return this.mask + 1
  }

  private push(offset: number, value: number): void {
    if (this.end - this.first > this.mask) this.grow()
    const pairs = this.pairs as Uint32Array
    const slot = (this.end & this.mask) * 2
    pairs[slot] = offset
    pairs[slot + 1] = value
    this.end += 1
  }

  /** Doubles the room (4 pairs at first), keeping every pair at its logical index. */
  private grow(): void {
    const capacity = this.mask < 0 ? 4 : (this.mask + 1) * 2
    const pairs = new Uint32Array(capacity * 2)
    const mask = capacity - 1
    const old = this.pairs
    if (old !== undefined) {
      for (let i = this.first; i < this.end; i++) {
        const from = (i & this.mask) * 2
        const to = (i & mask) * 2
        pairs[to] = old[from] as number
        pairs[to + 1] = old[from + 1] as number
      }
    }
    this.pairs = pairs
    this.mask = mask
  }
}
