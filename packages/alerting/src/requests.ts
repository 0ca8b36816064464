import { BucketRing } from './buckets'
import type { Labeler } from './labels'

/**
 * The requests of every vendor, counted per evaluation bucket: one series per vendor label (the label
 * policy's vendors, and `other` for all the rest), plus one per vendor a ratio or SLO rule names in its match
 * that the policy writes `other` (so that such a rule divides by that vendor's requests, not by everyone's).
 * A series is made by its first request and dropped once no window holds any of its requests.
 */
export class RequestSeries {
  private readonly byLabel = new Map<string, BucketRing>()
  private readonly byName = new Map<string, BucketRing>()
  /** The index of the widest window (the span of every series). */
  private readonly widest: number

  /**
   * @param widths the windows of every ratio and SLO rule, in buckets
   * @param named the vendors rules name that the policy writes `other`
   */
  constructor(
    private readonly labeler: Labeler,
    private readonly widths: ReadonlyArray<number>,
    private readonly named: ReadonlySet<string>,
  ) {
    this.widest = widths.indexOf(Math.max(...widths))
  }

  /** Counts one request of `vendor` in the open bucket, `open`. */
  add(vendor: string, open: number): void {
    // A vendor the policy keeps is its own label (and so is `other`): one lookup finds its series.
    const series = this.byLabel.get(vendor) ?? this.seriesOf(this.byLabel, this.labeler.vendor(vendor), open)
    series.add(1)
    if (this.named.size > 0 && this.named.has(vendor)) this.seriesOf(this.byName, vendor, open).add(1)
  }

  private seriesOf(map: Map<string, BucketRing>, key: string, open: number): BucketRing {
    let series = map.get(key)
    if (series === undefined) map.set(key, (series = new BucketRing(this.widths, this.widest, open)))
    return series
  }

  /** Closes the open bucket of every series as bucket `k`; drops the series left empty. */
  close(k: number): void {
    for (const map of [this.byLabel, this.byName]) {
      for (const [key, series] of map) {
        series.close(k)
        if (series.empty) map.delete(key)
      }
    }
  }

  /** The requests of window `i` of vendor label `label`. */
  ofLabel(label: string, i: number): number {
    return this.byLabel.get(label)?.sum(i) ?? 0
  }

  /** The requests of window `i` of every vendor. */
  ofAll(i: number): number {
    let sum = 0
    for (const series of this.byLabel.values()) sum += series.sum(i)
    return sum
  }

  /** The requests of window `i` of one vendor a rule names (kept by the policy, or counted apart). */
  ofVendor(vendor: string, i: number): number {
    return (this.labeler.keepsVendor(vendor) ? this.byLabel : this.byName).get(vendor)?.sum(i) ?? 0
  }

  /** Whether no request is held. */
  get empty(): boolean {
    return this.byLabel.size === 0 && this.byName.size === 0
  }

  /** The buckets the series have room for. */
  get buckets(): number {
    let buckets = 0
    for (const map of [this.byLabel, this.byName]) for (const series of map.values()) buckets += series.capacity
    return buckets
  }
}
