import { createLabeler, groupOf, isSloRule, matches, sloWindowsOf, type AlertEvent, type AlertRule, type Severity, type SloRule, type SloWindow } from '@faultline/alerting'
import { kinds } from '@faultline/core'
import type { LineOutcome } from '../capture'
import type { LineCounts } from '../counts'
import type { ReportTotals } from '../report'
import { createBucketCounter, rebucket } from './buckets'
import { bucketIndex, bucketStart, ladderSize, rungForSpan } from './scale'

/**
 * The data of the HTML report: what a capture's replay leaves, gathered line by line in bounded memory
 * ({@link createHtmlReportCollector}), then laid out per section ({@link ReportPageData}). Strings here are raw
 * (vendor text as it came); the page escapes and redacts them as it writes them.
 */

/** One alert from firing to resolved. */
export interface AlertInterval {
  readonly ruleId: string
  readonly severity: Severity
  readonly group: Readonly<Record<string, string>>
  /** An SLO rule's window pair (`1h/5m`); null for other rules. */
  readonly window: string | null
  readonly from: number
  /** When it resolved; null when it was still firing at the end of the capture. */
  readonly to: number | null
  /** The matching errors in its window when it fired. */
  readonly count: number
  /** Ratio and SLO rules: the error ratio of its window when it fired. */
  readonly ratio: number | null
}

/** Errors (by kind) in each time bucket of one vendor, or of all of them. */
export interface ErrorSeries {
  /** The vendor; null for all vendors together, or for the vendors not charted one by one. */
  readonly vendor: string | null
  /** How many vendors it stands for (1 for one vendor). */
  readonly vendors: number
  readonly errors: number
  /** [bucket][index in {@link TimeChartData.kinds}]. */
  readonly byBucket: ReadonlyArray<ReadonlyArray<number>>
}

/** What the time charts draw: one bucket size over the capture's span. */
export interface TimeChartData {
  readonly bucketMs: number
  /** When the first bucket starts (ms since the epoch); bucket `i` starts at `start + i * bucketMs`. */
  readonly start: number
  readonly buckets: number
  /** The kinds seen, in the contract's order. */
  readonly kinds: ReadonlyArray<string>
  readonly all: ErrorSeries
  /** The vendors with the most errors, one by one, then the others together. */
  readonly vendors: ReadonlyArray<ErrorSeries>
  /** Responses (errors and successes) per bucket, all vendors. */
  readonly responses: ReadonlyArray<number>
}

/** One group of an SLO rule: its requests, bad events and burn rate per bucket, and its alerts. */
export interface SloGroupData {
  readonly group: Readonly<Record<string, string>>
  readonly requests: number
  readonly bad: number
  /** Per bucket: error ratio / (1 - objective); null where the bucket holds no request. */
  readonly burn: ReadonlyArray<number | null>
  readonly intervals: ReadonlyArray<AlertInterval>
}

/** An SLO rule's section. */
export interface SloData {
  readonly rule: SloRule
  readonly windows: ReadonlyArray<SloWindow>
  readonly groups: ReadonlyArray<SloGroupData>
  /** Groups beyond the ones held (their bad events are not charted). */
  readonly groupsNotHeld: number
}

/** Everything the page shows. */
export interface ReportPageData {
  /** The capture's name as given (a file name, or `stdin`). */
  readonly source: string
  readonly counts: LineCounts
  readonly totals: ReportTotals
  /** The first and last instants of the capture's responses; null when none had a time. */
  readonly span: { readonly first: number; readonly last: number } | null
  readonly chart: TimeChartData | null
  /** Errors before any line had a time: counted, not charted. */
  readonly untimedErrors: number
  readonly rules: ReadonlyArray<AlertRule>
  /** Every alert interval held, in order of firing. */
  readonly intervals: ReadonlyArray<AlertInterval>
  /** Firing events, all of them (also those whose interval was not held). */
  readonly firings: number
  /** Intervals not held (beyond {@link maxHeldIntervals}): counted only. */
  readonly intervalsNotHeld: number
  readonly slos: ReadonlyArray<SloData>
}

/** Vendors charted by name: more are counted together. */
export const maxVendorSlots = 64
/** Vendors drawn as a chart of their own; the others share one. */
export const maxVendorCharts = 6
/** Groups of one SLO rule held. */
export const maxSloGroupsPerRule = 50
/** Alert intervals held (firing to resolved); the rest are counted. */
export const maxHeldIntervals = 1_000

const kindSlots = 16
const kindSlot: ReadonlyMap<string, number> = new Map(kinds.map((kind, index) => [kind, index]))
const otherKindSlot = kindSlots - 1
const requestSeries = 100_000
const sloSeries = 200_000

/** The identity of a group (its labels in their order). */
export const groupKey = (group: Readonly<Record<string, string>>): string => JSON.stringify(Object.entries(group))
const alertKey = (ruleId: string, group: Readonly<Record<string, string>>, window: string | undefined | null): string =>
  JSON.stringify([ruleId, Object.entries(group), window ?? null])

/** What `report --html` gathers while the capture is read. */
export interface HtmlReportCollector {
  /** One line's outcome, and the alert events its replay produced. */
  visit(outcome: LineOutcome, events: ReadonlyArray<AlertEvent>): void
  /** The page's data, once the capture is read. */
  data(input: { readonly source: string; readonly counts: LineCounts; readonly totals: ReportTotals }): ReportPageData
}

/**
 * Gathers the page's data in memory bounded whatever the capture: counts by time bucket (at most 2,048
 * buckets; see `createBucketCounter`), by vendor (the first 64 by name, the rest together), by SLO group (50
 * per rule) and alert intervals (1,000, the rest counted).
 */
export function createHtmlReportCollector(rules: ReadonlyArray<AlertRule>): HtmlReportCollector {
  const counter = createBucketCounter()
  const vendorSlots = new Map<string, number>()
  const vendorNames: string[] = []
  const slotOf = (vendor: string): number => {
    let slot = vendorSlots.get(vendor)
    if (slot === undefined) {
      if (vendorNames.length >= maxVendorSlots) return maxVendorSlots
      slot = vendorNames.length
      vendorSlots.set(vendor, slot)
      vendorNames.push(vendor)
    }
    return slot
  }
  const labeler = createLabeler()
  const slos = rules.filter(isSloRule).map((rule) => ({ rule, groups: new Map<string, number>(), notHeld: 0 }))
  const sloGroups: Array<{ slo: number; group: Readonly<Record<string, string>>; bad: number }> = []
  let clock: number | null = null
  let first: number | null = null
  let last: number | null = null
  let untimedErrors = 0
  const open = new Map<string, Omit<AlertInterval, 'to'>>()
  const closed: AlertInterval[] = []
  let intervalsNotHeld = 0
  let firings = 0

  const countSlo = (error: Extract<LineOutcome, { type: 'error' }>['error'], at: number) => {
    slos.forEach((slo, index) => {
      if (!matches(slo.rule.match, error)) return
      const group = groupOf(slo.rule.groupBy, error, labeler)
      const key = groupKey(group)
      let slot = slo.groups.get(key)
      if (slot === undefined) {
        if (slo.groups.size >= maxSloGroupsPerRule) {
          slo.notHeld++
          return
        }
        slot = sloGroups.length
        slo.groups.set(key, slot)
        sloGroups.push({ slo: index, group, bad: 0 })
      }
      sloGroups[slot]!.bad++
      counter.add(at, sloSeries + slot)
    })
  }

  const record = (event: AlertEvent) => {
    const key = alertKey(event.ruleId, event.group, event.window)
    if (event.type === 'firing') {
      firings++
      if (!open.has(key)) {
        open.set(key, { ruleId: event.ruleId, severity: event.severity, group: event.group, window: event.window ?? null, from: event.at, count: event.count, ratio: event.ratio ?? null })
      }
      return
    }
    const fired = open.get(key)
    if (fired === undefined) return
    open.delete(key)
    if (closed.length < maxHeldIntervals) closed.push({ ...fired, to: event.at })
    else intervalsNotHeld++
  }

  return {
    visit(outcome, events) {
      if (outcome.type !== 'skipped') {
        // Lines without "at" happen when the line before them did (as the alert replay reads them).
        if (outcome.at !== null) clock = outcome.at
        if (clock === null) {
          if (outcome.type === 'error') untimedErrors++
        } else {
          const at = clock
          first = first === null ? at : Math.min(first, at)
          last = last === null ? at : Math.max(last, at)
          const slot = slotOf(outcome.type === 'error' ? outcome.error.vendor : outcome.vendor)
          counter.add(at, requestSeries + slot)
          if (outcome.type === 'error') {
            counter.add(at, slot * kindSlots + (kindSlot.get(outcome.error.kind) ?? otherKindSlot))
            if (slos.length > 0) countSlo(outcome.error, at)
          }
        }
      }
      for (const event of events) record(event)
    },

    data({ source, counts, totals }) {
      const openIntervals = [...open.values()].slice(0, Math.max(0, maxHeldIntervals - closed.length)).map((fired): AlertInterval => ({ ...fired, to: null }))
      const notHeld = intervalsNotHeld + open.size - openIntervals.length
      const intervals = [...closed, ...openIntervals].sort((a, b) => a.from - b.from)
      const base = { source, counts, totals, untimedErrors, rules, intervals, firings, intervalsNotHeld: notHeld }
      if (first === null || last === null) {
        return { ...base, span: null, chart: null, slos: slos.map((slo) => sloData(slo.rule, [], intervals, slo.notHeld, 0)) }
      }
      const held = counter.held()
      const rung = rungForSpan(first, last, held.rung)
      const size = ladderSize(rung)
      const startIndex = bucketIndex(first, size)
      const bucketCount = bucketIndex(last, size) - startIndex + 1
      const merged = rebucket(held, rung)
      const countsAt = (bucket: number) => merged.get(startIndex + bucket)
      const seen = new Set<number>()
      for (const bucketCounts of merged.values()) for (const series of bucketCounts.keys()) if (series < requestSeries) seen.add(series % kindSlots)
      const kindSlotsSeen = [...seen].sort((a, b) => a - b)
      const kindNames = kindSlotsSeen.map((slot) => kinds[slot] ?? 'other')
      const slotCount = Math.min(vendorNames.length + 1, maxVendorSlots + 1)
      const vendorSeries = (slotsOf: ReadonlyArray<number>): ReadonlyArray<ReadonlyArray<number>> =>
        Array.from({ length: bucketCount }, (_, bucket) => {
          const here = countsAt(bucket)
          return kindSlotsSeen.map((kind) => (here === undefined ? 0 : slotsOf.reduce((sum, slot) => sum + (here.get(slot * kindSlots + kind) ?? 0), 0)))
        })
      const total = (byBucket: ReadonlyArray<ReadonlyArray<number>>) => byBucket.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0)
      const allSlots = Array.from({ length: slotCount }, (_, slot) => slot)
      const perVendor = allSlots
        .map((slot) => ({ slot, byBucket: vendorSeries([slot]) }))
        .map((series) => ({ ...series, errors: total(series.byBucket) }))
        .filter((series) => series.errors > 0)
        .sort((a, b) => b.errors - a.errors || (vendorNames[a.slot] ?? '').localeCompare(vendorNames[b.slot] ?? ''))
      // The overflow slot (vendors past the first 64) is never charted by name.
      const named = perVendor.filter((series) => series.slot < vendorNames.length).slice(0, maxVendorCharts)
      const rest = perVendor.filter((series) => !named.includes(series))
      const vendors: ErrorSeries[] = named.map((series) => ({ vendor: vendorNames[series.slot]!, vendors: 1, errors: series.errors, byBucket: series.byBucket }))
      if (rest.length > 0) {
        const byBucket = vendorSeries(rest.map((series) => series.slot))
        vendors.push({ vendor: null, vendors: Math.max(rest.length, totals.byVendorKind.size - named.length), errors: total(byBucket), byBucket })
      }
      const all = vendorSeries(allSlots)
      const responses = Array.from({ length: bucketCount }, (_, bucket) => {
        const here = countsAt(bucket)
        return here === undefined ? 0 : allSlots.reduce((sum, slot) => sum + (here.get(requestSeries + slot) ?? 0), 0)
      })
      const chart: TimeChartData = {
        bucketMs: size,
        start: bucketStart(startIndex, size),
        buckets: bucketCount,
        kinds: kindNames,
        all: { vendor: null, vendors: totals.byVendorKind.size, errors: total(all), byBucket: all },
        vendors,
        responses,
      }
      // Requests per bucket of the vendors an SLO group divides by (the engine's rule: the group's vendor label
      // when the rule groups by vendor, else every vendor its match names, else all).
      const requestsOf = (rule: SloRule, group: Readonly<Record<string, string>>): ReadonlyArray<number> => {
        const vendorsMatched = rule.match.vendor === undefined ? undefined : new Set<string>(typeof rule.match.vendor === 'string' ? [rule.match.vendor] : rule.match.vendor)
        const label = rule.groupBy.includes('vendor') ? group.vendor : undefined
        const slots = allSlots.filter((slot) => {
          const name = vendorNames[slot]
          if (label !== undefined) return (name === undefined ? 'other' : labeler.vendor(name)) === label
          return vendorsMatched === undefined || (name !== undefined && vendorsMatched.has(name))
        })
        return Array.from({ length: bucketCount }, (_, bucket) => {
          const here = countsAt(bucket)
          return here === undefined ? 0 : slots.reduce((sum, slot) => sum + (here.get(requestSeries + slot) ?? 0), 0)
        })
      }
      const sloSections = slos.map((slo, index) => {
        const groups = sloGroups
          .map((held, slot) => ({ held, slot }))
          .filter(({ held }) => held.slo === index)
          .map(({ held, slot }) => ({
            group: held.group,
            requests: requestsOf(slo.rule, held.group),
            bad: Array.from({ length: bucketCount }, (_, bucket) => countsAt(bucket)?.get(sloSeries + slot) ?? 0),
          }))
        return sloData(slo.rule, groups, intervals, slo.notHeld, bucketCount)
      })
      return { ...base, span: { first, last }, chart, slos: sloSections }
    },
  }
}

/**
 * The SLO section's data of one rule: its groups' burn rate per bucket, from the bad events and requests
 * counted, and the alerts its window pairs raised (the alert events of the rule, whose `window` names the
 * pair). Groups that raised alerts but hold no counted bad event (the overflow group) are listed too.
 */
export function sloData(
  rule: SloRule,
  groups: ReadonlyArray<{ readonly group: Readonly<Record<string, string>>; readonly requests: ReadonlyArray<number>; readonly bad: ReadonlyArray<number> }>,
  intervals: ReadonlyArray<AlertInterval>,
  groupsNotHeld: number,
  buckets: number,
): SloData {
  const budget = 1 - rule.slo.objective
  const ofRule = intervals.filter((interval) => interval.ruleId === rule.id)
  const sum = (values: ReadonlyArray<number>) => values.reduce((a, b) => a + b, 0)
  const data: SloGroupData[] = groups.map(({ group, requests, bad }) => ({
    group,
    requests: sum(requests),
    bad: sum(bad),
    burn: requests.map((n, i) => (n === 0 ? null : (bad[i] ?? 0) / n / budget)),
    intervals: ofRule.filter((interval) => groupKey(interval.group) === groupKey(group)),
  }))
  const known = new Set(groups.map(({ group }) => groupKey(group)))
  for (const interval of ofRule) {
    const key = groupKey(interval.group)
    if (known.has(key)) continue
    known.add(key)
    data.push({ group: interval.group, requests: 0, bad: 0, burn: Array.from({ length: buckets }, () => null), intervals: ofRule.filter((other) => groupKey(other.group) === key) })
  }
  data.sort((a, b) => b.bad - a.bad || b.intervals.length - a.intervals.length)
  return { rule, windows: sloWindowsOf(rule.slo), groups: data, groupsNotHeld }
}
