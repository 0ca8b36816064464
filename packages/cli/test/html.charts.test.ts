import fc from 'fast-check'
import { sloWindowsOf } from '@faultline/alerting'
import { describe, expect, it } from 'vitest'
import { createBucketCounter, rebucket } from '../src/html/buckets'
import { ownText } from '../src/html/escape'
import { alertTimeline, burnChart, linearScale, stackedBars } from '../src/html/charts'
import type { AlertInterval, ErrorSeries } from '../src/html/model'
import { bucketIndex, bucketStart, burnTicks, countTicks, durationLabel, ladderSize, maxBars, rungForSpan, sizeAdjective, sizeLabel, timeTicks } from '../src/html/scale'
import { domOf } from './fixtures/dom'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const t0 = Date.UTC(2026, 10, 23)

/** The bars drawn in a chart: each bucket group's title and its rects' heights. */
const barsOf = (svg: string) => {
  const dom = domOf(`<!doctype html><body>${svg}`)
  return { dom, rects: dom.elements.filter((element) => element.tag === 'rect').map((element) => Object.fromEntries(element.attrs.map((attr) => [attr.name, attr.value]))) }
}

const series = (byBucket: number[][]): ErrorSeries => ({ vendor: 'medblocks', vendors: 1, errors: byBucket.flat().reduce((a, b) => a + b, 0), byBucket })

describe('scales', () => {
  it('count ticks: whole numbers from 0 to a nice top at or above the highest count', () => {
    expect(countTicks(0)).toEqual({ top: 1, ticks: [0, 1] })
    expect(countTicks(1)).toEqual({ top: 1, ticks: [0, 1] })
    expect(countTicks(170)).toEqual({ top: 200, ticks: [0, 50, 100, 150, 200] })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 2, max: 8 }), (max, most) => {
        const { top, ticks } = countTicks(max, most)
        expect(top).toBeGreaterThanOrEqual(max)
        expect(ticks[0]).toBe(0)
        expect(ticks[ticks.length - 1]).toBe(top)
        expect(ticks.every((tick) => Number.isInteger(tick))).toBe(true)
        expect(ticks.length).toBeLessThanOrEqual(2 * most + 2)
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBe(ticks[1]! - ticks[0]!)
      }),
    )
  })

  it('burn ticks: a log axis from 0.1× to a power of ten, at least 100× so every workbook factor shows', () => {
    expect(burnTicks(0)).toEqual({ bottom: 0.1, top: 100, ticks: [0.1, 1, 10, 100] })
    expect(burnTicks(20)).toEqual({ bottom: 0.1, top: 100, ticks: [0.1, 1, 10, 100] })
    expect(burnTicks(200)).toEqual({ bottom: 0.1, top: 1000, ticks: [0.1, 1, 10, 100, 1000] })
    expect(burnTicks(1000).top).toBe(1000)
  })

  it('a linear scale maps the domain onto the range, and a point domain onto its start', () => {
    const x = linearScale([0, 10], [100, 200])
    expect([x(0), x(5), x(10)]).toEqual([100, 150, 200])
    expect(linearScale([3, 3], [0, 50])(3)).toBe(0)
  })

  it('the bucket ladder: each size divides the next, from a second up, without end', () => {
    for (let rung = 1; rung < 40; rung++) expect(ladderSize(rung) % ladderSize(rung - 1)).toBe(0)
    expect([0, 4, 6, 8, 12, 13].map(ladderSize)).toEqual([1_000, minute, 15 * minute, hour, day, 7 * day])
    // Days start at midnight UTC and weeks on Mondays.
    expect(new Date(bucketStart(bucketIndex(t0 + 5 * hour, day), day)).toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(new Date(bucketStart(bucketIndex(t0 + 3 * day, 7 * day), 7 * day)).getUTCDay()).toBe(1)
  })

  it('the bucket size of a span: one bucket for one instant, 15 minutes for a day, days for two months', () => {
    expect(rungForSpan(t0, t0)).toBe(0)
    expect(ladderSize(rungForSpan(t0, t0 + day - 1))).toBe(15 * minute)
    expect(ladderSize(rungForSpan(t0, t0 + hour))).toBe(minute)
    expect(ladderSize(rungForSpan(t0, t0 + 7 * day))).toBe(3 * hour)
    expect(ladderSize(rungForSpan(t0, t0 + 60 * day))).toBe(day)
    // Never finer than the counts are held at.
    expect(rungForSpan(t0, t0, 8)).toBe(8)
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: 0, max: 8.64e15 }), (first, length) => {
        const last = Math.min(8.64e15, first + length)
        const rung = rungForSpan(first, last)
        const buckets = (r: number) => bucketIndex(last, ladderSize(r)) - bucketIndex(first, ladderSize(r)) + 1
        expect(buckets(rung)).toBeLessThanOrEqual(maxBars)
        if (rung > 0) expect(buckets(rung - 1)).toBeGreaterThan(maxBars)
      }),
    )
  })

  it('time ticks: round instants inside the span, times of day within a day, dates across days', () => {
    const dayTicks = timeTicks(t0, t0 + day, 8)
    expect(dayTicks.map((tick) => tick.label)).toEqual(['Nov 23', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00', 'Nov 24'])
    const weekTicks = timeTicks(t0, t0 + 14 * day, 8)
    expect(weekTicks.every((tick) => /^[A-Z][a-z]{2} \d{1,2}$/.test(tick.label))).toBe(true)
    expect(timeTicks(t0 + hour, t0 + hour + 40_000, 5).map((tick) => tick.label)).toEqual(['01:00:00', '01:00:15', '01:00:30'])
    expect(timeTicks(t0, t0 + 40_000, 5)[0]!.label).toBe('Nov 23') // midnight shows the date
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 1e11 }), fc.integer({ min: 2, max: 12 }), (start, length, most) => {
        const ticks = timeTicks(start, start + length, most)
        expect(ticks.length).toBeLessThanOrEqual(most + 1)
        for (const tick of ticks) expect(tick.at >= start && tick.at <= start + length).toBe(true)
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.at).toBeGreaterThan(ticks[i - 1]!.at)
      }),
    )
  })

  it('durations and sizes in words', () => {
    expect([45_000, 12 * minute, 2 * hour + 5 * minute, 3 * day + 4 * hour, 6 * hour + 30 * minute].map(durationLabel)).toEqual(['45 s', '12 min', '2 h 5 min', '3 d 4 h', '6 h 30 min'])
    expect([15 * minute, hour, 7 * day, 30_000].map(sizeLabel)).toEqual(['15 minutes', '1 hour', '7 days', '30 seconds'])
    expect([15 * minute, hour].map(sizeAdjective)).toEqual(['15-minute', '1-hour'])
  })
})

describe('the bucket counter', () => {
  it('holds at most its bound of buckets, and its counts add up exactly into any coarser bucket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: t0 - 400 * day, max: t0 + 400 * day }), fc.integer({ min: 0, max: 3 })), { maxLength: 300 }),
        fc.integer({ min: 2, max: 64 }),
        (points, bound) => {
          const counter = createBucketCounter(bound)
          for (const [at, series] of points) counter.add(at, series)
          const held = counter.held()
          expect(held.buckets.size).toBeLessThanOrEqual(bound)
          const rung = held.rung + 2
          const size = ladderSize(rung)
          const merged = rebucket(held, rung)
          const expected = new Map<string, number>()
          for (const [at, series] of points) {
            const key = `${bucketIndex(at, size)}/${series}`
            expected.set(key, (expected.get(key) ?? 0) + 1)
          }
          const actual = new Map<string, number>()
          for (const [index, counts] of merged) for (const [series, n] of counts) actual.set(`${index}/${series}`, n)
          expect(actual).toEqual(expected)
        },
      ),
    )
  })

  it('a capture over years in a bounded number of buckets; the first instant of the epoch, the last a Date holds', () => {
    const counter = createBucketCounter(16)
    for (const at of [-8.64e15, 0, t0, 8.64e15]) counter.add(at, 1)
    expect(counter.held().buckets.size).toBeLessThanOrEqual(16)
    expect([...counter.held().buckets.values()].reduce((sum, counts) => sum + (counts.get(1) ?? 0), 0)).toBe(4)
    expect(() => createBucketCounter(1)).toThrow(RangeError)
    expect(() => rebucket(counter.held(), counter.held().rung - 1)).toThrow(RangeError)
  })
})

describe('stacked bars', () => {
  const base = { id: 'c', title: ownText('Errors'), kinds: ['authentication', 'unavailable'], start: t0, bucketMs: 15 * minute, width: 600, height: 200 }

  it('an empty capture: the axes, titled, and "no errors"', () => {
    const svg = stackedBars({ ...base, series: series([[0, 0], [0, 0]]) }).markup
    const { dom } = barsOf(svg)
    expect(dom.elements.find((element) => element.tag === 'svg')!.attrs).toContainEqual({ name: 'role', value: 'img' })
    expect(dom.elements.filter((element) => element.tag === 'title')).toHaveLength(1)
    expect(dom.texts).toContain('no errors')
    expect(barsOf(svg).rects).toHaveLength(0)
  })

  it('one bucket: one bar, its kinds stacked in proportion, its counts in its title', () => {
    const svg = stackedBars({ ...base, series: series([[10, 5]]) }).markup
    const { rects, dom } = barsOf(svg)
    expect(rects).toHaveLength(2)
    const [a, b] = rects.map((rect) => Number(rect.height))
    expect(a! / b!).toBeCloseTo(2, 1)
    expect(rects.map((rect) => rect.fill)).toEqual(['url(#kind-0)', 'url(#kind-7)'])
    expect(dom.texts.join('\n')).toContain('2026-11-23 00:00–00:15 UTC: 15 errors (authentication 10, unavailable 5)')
    // The bar stands on the axis and reaches the top tick (15 -> a top of 16 with steps of 2, or 20).
    expect(Number(rects[0]!.y) + Number(rects[0]!.height)).toBeCloseTo(200 - 22, 0)
  })

  it('bars scale with the highest bucket; a given top is used as it is', () => {
    const rows = [[4, 0], [0, 8], [2, 2]]
    const heights = barsOf(stackedBars({ ...base, series: series(rows) }).markup).rects.map((rect) => Number(rect.height))
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 1)
    const shared = barsOf(stackedBars({ ...base, series: series(rows), top: 80 }).markup).rects.map((rect) => Number(rect.height))
    expect(shared[1]! / heights[1]!).toBeCloseTo(0.1, 1)
  })

  it('a capture spanning days: days on the time axis, one bar per bucket', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i % 3, 1])
    const svg = stackedBars({ ...base, series: series(rows), start: t0, bucketMs: day, width: 1100 }).markup
    const { dom } = barsOf(svg)
    expect(dom.texts).toContain('Nov 30')
    expect(dom.texts).toContain('Dec 7')
    expect(dom.elements.filter((element) => element.tag === 'g' && element.attrs.length === 0)).toHaveLength(30)
  })
})

describe('the alert timeline and the burn chart', () => {
  const interval = (over: Partial<AlertInterval>): AlertInterval => ({ ruleId: 'vendor-degraded', severity: 'page', group: { vendor: 'medblocks' }, window: null, from: t0 + hour, to: t0 + 2 * hour, count: 5, ratio: null, ...over })

  it('no alert: says so', () => {
    const { dom } = barsOf(alertTimeline({ id: 'a', intervals: [], domain: { start: t0, end: t0 + day }, width: 1100 }).markup)
    expect(dom.texts).toContain('no alert fired')
  })

  it('one row per alert, a bar from firing to resolved, an open end for one still firing; labels escaped', () => {
    const svg = alertTimeline({
      id: 'a',
      intervals: [interval({}), interval({ from: t0 + 5 * hour, to: null, group: { vendor: '<b>x</b>' }, severity: 'ticket' }), interval({ from: t0 + 3 * hour, to: t0 + 4 * hour })],
      domain: { start: t0, end: t0 + day },
      width: 1100,
    }).markup
    expect(svg).not.toContain('<b>')
    const { dom } = barsOf(svg)
    expect(dom.elements.filter((element) => element.tag === 'g' && element.attrs.some((attr) => attr.value === 'row'))).toHaveLength(2)
    expect(dom.elements.filter((element) => element.tag === 'path' && element.attrs.some((attr) => attr.value === 'open'))).toHaveLength(1)
    expect(dom.texts.join('\n')).toContain('vendor-degraded vendor=<b>x</b>: ticket, still firing at the end of the capture')
  })

  it('burn: bars on a log scale, the factors as lines, the window pairs that fired as lanes', () => {
    const windows = sloWindowsOf({ objective: 0.995 })
    const svg = burnChart({
      id: 'b',
      title: ownText('Burn'),
      group: { group: { vendor: 'medblocks' }, requests: 100, bad: 20, burn: [null, 0, 1, 10, 100], intervals: [interval({ window: windows[0]!.name, from: t0 + 30 * minute, to: t0 + 60 * minute })] },
      windows,
      start: t0,
      bucketMs: 15 * minute,
      width: 1100,
    }).markup
    const { rects, dom } = barsOf(svg)
    const bars = rects.filter((rect) => rect.y !== undefined && Number(rect.height) > 0 && rect.fill === undefined)
    const heights = bars.map((bar) => Number(bar.height))
    expect(heights).toHaveLength(3)
    // Each power of ten is the same height on a log scale.
    expect(heights[2]! - heights[1]!).toBeCloseTo(heights[1]! - heights[0]!, 0)
    expect(dom.texts).toEqual(expect.arrayContaining(['14.4× page (1h/5m)', '6× page (6h/30m)', '3× ticket (1d/2h)', '1× ticket (3d/6h)', '1h/5m page']))
    expect(rects.filter((rect) => rect.fill === 'url(#severity-page)')).toHaveLength(1)
  })
})
