import { bucketIndex, ladderSize } from './scale'

/** Counts by time bucket and series, at the finest rung of the bucket ladder that fits the bound. */
export interface HeldBuckets {
  /** The rung of the bucket ladder the counts are held at (`ladderSize(rung)` ms each). */
  readonly rung: number
  /** Bucket index (`bucketIndex(at, ladderSize(rung))`) -> series id -> count. */
  readonly buckets: ReadonlyMap<number, ReadonlyMap<number, number>>
}

/** The most buckets held while a capture is read: a bound on memory whatever the capture's span. */
export const maxHeldBuckets = 2_048

/**
 * A counter by time bucket and series that starts at one-second buckets and, whenever it holds more than
 * `maxBuckets` buckets (at least 2), moves up the ladder (each size a multiple of the one before, so merged counts are
 * exact). Memory: at most `maxBuckets` buckets, each a count per series seen in it.
 */
export function createBucketCounter(maxBuckets = maxHeldBuckets) {
  // Two buckets always suffice: at a size longer than the span, every instant is in one of two.
  if (!(maxBuckets >= 2)) throw new RangeError(`createBucketCounter: maxBuckets must be at least 2, got ${maxBuckets}`)
  let rung = 0
  let buckets = new Map<number, Map<number, number>>()
  const add = (at: number, series: number, n = 1): void => {
    let index = bucketIndex(at, ladderSize(rung))
    let counts = buckets.get(index)
    if (counts === undefined) {
      if (buckets.size >= maxBuckets) {
        // One more bucket would be too many: coarser buckets, until this one fits.
        do {
          rung++
          buckets = rebucket({ rung: rung - 1, buckets }, rung)
          index = bucketIndex(at, ladderSize(rung))
        } while (!buckets.has(index) && buckets.size >= maxBuckets)
        counts = buckets.get(index)
      }
      if (counts === undefined) buckets.set(index, (counts = new Map()))
    }
    counts.set(series, (counts.get(series) ?? 0) + n)
  }
  return {
    add,
    held: (): HeldBuckets => ({ rung, buckets }),
  }
}

/** The counts of `held` in the buckets of a rung at or above its own: exact, since sizes divide each other. */
export function rebucket(held: HeldBuckets, rung: number): Map<number, Map<number, number>> {
  if (rung < held.rung) throw new RangeError(`rebucket: cannot split rung ${held.rung} buckets into rung ${rung}`)
  const factor = ladderSize(rung) / ladderSize(held.rung)
  const merged = new Map<number, Map<number, number>>()
  for (const [index, counts] of held.buckets) {
    const target = Math.floor(index / factor)
    let into = merged.get(target)
    if (into === undefined) merged.set(target, (into = new Map()))
    for (const [series, n] of counts) into.set(series, (into.get(series) ?? 0) + n)
  }
  return merged
}
