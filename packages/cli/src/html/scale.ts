/**
 * Scales of the report's charts: the time buckets (a ladder of sizes, each a multiple of the one before, so
 * that counts held at one size add up exactly into any larger one), the bucket size a capture's span is drawn
 * with, nice count ticks and time ticks.
 */

const second = 1_000
const minute = 60 * second
const hour = 60 * minute
const day = 24 * hour

/** Bucket sizes up to four weeks; beyond, each is four times the one before. Each divides the next. */
const ladderStart: ReadonlyArray<number> = [
  second,
  5 * second,
  15 * second,
  30 * second,
  minute,
  5 * minute,
  15 * minute,
  30 * minute,
  hour,
  3 * hour,
  6 * hour,
  12 * hour,
  day,
  7 * day,
  28 * day,
]

/** The size of rung `rung` of the ladder, in ms. */
export function ladderSize(rung: number): number {
  if (rung < ladderStart.length) return ladderStart[rung]!
  return ladderStart[ladderStart.length - 1]! * 4 ** (rung - ladderStart.length + 1)
}

/**
 * Where buckets start: every bucket of every size begins at `bucketOrigin + k * size`. 1970-01-05 was a
 * Monday, so weeks start on Mondays; the origin is a whole number of days, so days start at midnight UTC.
 */
export const bucketOrigin = 4 * day

/** The index of the bucket of size `size` that holds `at`. */
export const bucketIndex = (at: number, size: number): number => Math.floor((at - bucketOrigin) / size)

/** When bucket `index` of size `size` starts. */
export const bucketStart = (index: number, size: number): number => bucketOrigin + index * size

/** The most bars a time chart draws. */
export const maxBars = 96

/**
 * The rung a span is drawn with: the smallest bucket size at or above `minimumRung` that covers the span
 * (`first` to `last`, ms) in at most `bars` buckets. A day is drawn in 15-minute buckets, an hour in minutes,
 * a week in 3-hour buckets.
 */
export function rungForSpan(first: number, last: number, minimumRung = 0, bars = maxBars): number {
  let rung = minimumRung
  while (bucketIndex(last, ladderSize(rung)) - bucketIndex(first, ladderSize(rung)) + 1 > bars) rung++
  return rung
}

/** Count ticks: a "nice" top (1, 2 or 5 times a power of ten, whole numbers) and the ticks up to it. */
export function countTicks(max: number, most = 5): { readonly top: number; readonly ticks: ReadonlyArray<number> } {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, ticks: [0, 1] }
  const rough = max / most
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power)
  const top = Math.ceil(max / step) * step
  const ticks: number[] = []
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)))
  return { top, ticks }
}

/**
 * The log axis of a burn-rate chart: from 0.1× to the power of ten at or above the highest burn (at least
 * 100×, so that every factor of the SRE workbook's pairs, up to 14.4×, is on it), a tick at each power of ten.
 */
export function burnTicks(highest: number): { readonly bottom: number; readonly top: number; readonly ticks: ReadonlyArray<number> } {
  const exponent = Math.max(2, Number.isFinite(highest) && highest > 0 ? Math.ceil(Math.log10(highest) - 1e-9) : 2)
  const ticks: number[] = []
  for (let e = -1; e <= exponent; e++) ticks.push(Number((10 ** e).toPrecision(1)))
  return { bottom: 0.1, top: 10 ** exponent, ticks }
}

/** Tick spacings for time axes, from a second to a year-ish (ms). */
const timeSteps: ReadonlyArray<number> = [
  second,
  5 * second,
  15 * second,
  30 * second,
  minute,
  5 * minute,
  15 * minute,
  30 * minute,
  hour,
  2 * hour,
  3 * hour,
  6 * hour,
  12 * hour,
  day,
  2 * day,
  7 * day,
  14 * day,
  28 * day,
  91 * day,
  364 * day,
]

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** A date as the axes write it, in UTC: `Nov 23`. */
export const dayLabel = (at: number): string => {
  const date = new Date(at)
  return `${months[date.getUTCMonth()]} ${date.getUTCDate()}`
}

/** A time of day, UTC: `08:15`, or `08:15:30` when `seconds`. */
export const clockLabel = (at: number, seconds = false): string => {
  const date = new Date(at)
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds ? `:${pad(date.getUTCSeconds())}` : ''}`
}

/** A full instant, UTC, for titles and tables: `2026-11-23 08:15:30`. */
export const instantLabel = (at: number): string => {
  const iso = new Date(at).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

/** A duration in words: `45 s`, `12 min`, `2 h 5 min`, `3 d 4 h`. */
export function durationLabel(ms: number): string {
  const seconds = Math.round(ms / second)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(ms / minute)
  if (minutes < 60) return `${minutes} min`
  if (ms < day) {
    const hours = Math.floor(minutes / 60)
    return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`
  }
  const hours = Math.round(ms / hour)
  const days = Math.floor(hours / 24)
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`
}

/** A bucket size as the page names it: `15 minutes`, `1 hour`, `7 days`. */
export function sizeLabel(ms: number): string {
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`
  if (ms % day === 0) return unit(ms / day, 'day')
  if (ms % hour === 0) return unit(ms / hour, 'hour')
  if (ms % minute === 0) return unit(ms / minute, 'minute')
  return unit(ms / second, 'second')
}

/** A bucket size as an adjective: `15-minute`, `1-hour`, `7-day`. */
export const sizeAdjective = (ms: number): string => sizeLabel(ms).replace(/ (\w+?)s?$/, '-$1')

/** One tick of a time axis: where (ms) and what it says. */
export interface TimeTick {
  readonly at: number
  readonly label: string
}

/**
 * At most `most` ticks between `start` and `end` (ms, UTC), on round instants: times of day for spans up to
 * two days (the date at midnight), dates beyond.
 */
export function timeTicks(start: number, end: number, most = 8): ReadonlyArray<TimeTick> {
  if (!(end > start)) return [{ at: start, label: clockLabel(start) }]
  const step = timeSteps.find((candidate) => (end - start) / candidate <= most) ?? Math.ceil((end - start) / most / day) * day
  const ticks: TimeTick[] = []
  // Ticks on multiples of the step from the bucket origin (Mondays for weeks, midnight for days).
  for (let at = bucketOrigin + Math.ceil((start - bucketOrigin) / step) * step; at <= end; at += step) {
    const label = step >= day ? dayLabel(at) : (at - bucketOrigin) % day === 0 ? dayLabel(at) : clockLabel(at, step < minute)
    ticks.push({ at, label })
  }
  return ticks
}
