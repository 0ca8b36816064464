import type { Severity, SloWindow } from '@faultline/alerting'
import { html, joinHtml, ownText, vendorText, type Html } from './escape'
import type { AlertInterval, ErrorSeries, SloGroupData } from './model'
import { kindFill, severityFill } from './palette'
import { burnTicks, clockLabel, countTicks, durationLabel, instantLabel, timeTicks } from './scale'

/**
 * The report's charts, as inline SVG written here: stacked bars of errors over time, the alert timeline and
 * SLO burn rates. Every chart has a `<title>` and a `<desc>` (`role="img"`, labelled and described by them), each bar or
 * bucket its own `<title>`; vendor text in them goes through `html` (redacted and escaped).
 */

/** The time axis all charts of a page share: `start` to `end` in ms, drawn over `width` pixels. */
export interface TimeDomain {
  readonly start: number
  readonly end: number
}

/** The geometry of a chart: its size and the plot area inside the margins. */
interface Frame {
  readonly width: number
  readonly height: number
  readonly left: number
  readonly right: number
  readonly top: number
  readonly bottom: number
}

const plotWidth = (frame: Frame) => frame.width - frame.left - frame.right
const plotHeight = (frame: Frame) => frame.height - frame.top - frame.bottom

/** A linear scale: `domain[0]..domain[1]` onto `range[0]..range[1]`. */
export const linearScale =
  (domain: readonly [number, number], range: readonly [number, number]) =>
  (value: number): number =>
    domain[1] === domain[0] ? range[0] : range[0] + ((value - domain[0]) / (domain[1] - domain[0])) * (range[1] - range[0])

// Coordinates rounded to a tenth of a pixel: shorter markup, no visible difference.
const px = (value: number): string => String(Math.round(value * 10) / 10)

const svgOpen = (id: string, frame: Frame, title: Html, desc: Html, className: string): Html =>
  html`<svg class="${ownText(className)}" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-labelledby="${ownText(`${id}-title`)}" aria-describedby="${ownText(`${id}-desc`)}" xmlns="http://www.w3.org/2000/svg"><title id="${ownText(`${id}-title`)}">${title}</title><desc id="${ownText(`${id}-desc`)}">${desc}</desc>`

/** The x axis of a time chart: ticks and their labels under the plot. */
function timeAxis(frame: Frame, domain: TimeDomain): Html {
  const x = linearScale([domain.start, domain.end], [frame.left, frame.width - frame.right])
  const baseline = frame.height - frame.bottom
  const ticks = timeTicks(domain.start, domain.end, Math.max(2, Math.floor(plotWidth(frame) / 90)))
  return html`<g class="axis x">${ticks.map(
    (tick) =>
      html`<line x1="${px(x(tick.at))}" x2="${px(x(tick.at))}" y1="${baseline}" y2="${baseline + 4}"/><text x="${px(x(tick.at))}" y="${baseline + 16}" text-anchor="middle">${ownText(tick.label)}</text>`,
  )}<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${baseline}" y2="${baseline}"/></g>`
}

/** The y axis of a chart: gridlines at the ticks (placed by `y`), labelled at the left. */
function valueAxis(frame: Frame, ticks: ReadonlyArray<number>, y: (value: number) => number, label: (value: number) => string): Html {
  return html`<g class="axis y">${ticks.map(
    (tick) =>
      html`<line class="grid" x1="${frame.left}" x2="${frame.width - frame.right}" y1="${px(y(tick))}" y2="${px(y(tick))}"/><text x="${frame.left - 6}" y="${px(y(tick) + 4)}" text-anchor="end">${ownText(label(tick))}</text>`,
  )}</g>`
}

/** A bucket's span as titles write it: `08:15–08:30 UTC`. */
export const bucketLabel = (start: number, bucketMs: number): string => {
  const seconds = bucketMs < 60_000
  const end = start + bucketMs
  return bucketMs >= 86_400_000 ? `${instantLabel(start).slice(0, 10)} – ${instantLabel(end).slice(0, 10)} UTC` : `${instantLabel(start).slice(0, 10)} ${clockLabel(start, seconds)}–${clockLabel(end, seconds)} UTC`
}

/** What a stacked bar chart draws. */
export interface StackedBarsInput {
  /** An id, unique on the page, for the chart's title and description. */
  readonly id: string
  readonly title: Html
  readonly series: ErrorSeries
  /** The kinds, in stacking order (bottom first): `series.byBucket[i][k]` counts `kinds[k]`. */
  readonly kinds: ReadonlyArray<string>
  readonly start: number
  readonly bucketMs: number
  readonly width: number
  readonly height: number
  /** The top of the y axis; by default the highest bar's, made nice. */
  readonly top?: number
}

/**
 * Errors over time: one bar per bucket, stacked by kind (each kind its fill), a count axis and a time axis.
 * A series without errors is drawn as its empty axes and says so.
 */
export function stackedBars(input: StackedBarsInput): Html {
  const { series, kinds, start, bucketMs } = input
  const compact = input.height < 120
  const frame: Frame = { width: input.width, height: input.height, left: 44, right: 12, top: compact ? 6 : 10, bottom: 22 }
  const buckets = series.byBucket.length
  const domain: TimeDomain = { start, end: start + buckets * bucketMs }
  const highest = Math.max(0, ...series.byBucket.map((row) => row.reduce((a, b) => a + b, 0)))
  const { top, ticks } = countTicks(input.top ?? highest, compact ? 2 : 5)
  const x = linearScale([domain.start, domain.end], [frame.left, frame.width - frame.right])
  const y = linearScale([0, top], [frame.height - frame.bottom, frame.top])
  const slot = plotWidth(frame) / Math.max(1, buckets)
  const gap = slot >= 5 ? 1 : 0
  const bars: Html[] = []
  series.byBucket.forEach((row, bucket) => {
    const sum = row.reduce((a, b) => a + b, 0)
    if (sum === 0) return
    const bucketStartAt = start + bucket * bucketMs
    let base = 0
    const rects: Html[] = []
    row.forEach((n, k) => {
      if (n === 0) return
      const y0 = y(base)
      const y1 = y(base + n)
      base += n
      rects.push(html`<rect x="${px(x(bucketStartAt) + gap / 2)}" y="${px(y1)}" width="${px(Math.max(0.5, slot - gap))}" height="${px(Math.max(0.5, y0 - y1))}" fill="${ownText(kindFill(kinds[k] ?? 'other'))}"/>`)
    })
    const parts = row.flatMap((n, k) => (n === 0 ? [] : [html`${kinds[k] ?? 'other'} ${n}`]))
    bars.push(html`<g><title>${ownText(bucketLabel(bucketStartAt, bucketMs))}: ${sum} ${ownText(sum === 1 ? 'error' : 'errors')} (${joinHtml(parts, ', ')})</title>${rects}</g>`)
  })
  const total = series.errors
  const desc = html`${total} errors in ${buckets} buckets of ${ownText(durationLabel(bucketMs))}, stacked by kind; the highest bucket holds ${highest}.`
  const empty = total === 0 ? html`<text class="empty" x="${px(frame.left + plotWidth(frame) / 2)}" y="${px(frame.top + plotHeight(frame) / 2)}" text-anchor="middle">no errors</text>` : html``
  return html`${svgOpen(input.id, frame, input.title, desc, 'chart bars')}${valueAxis(frame, ticks, y, String)}<g class="bars">${bars}</g>${empty}${timeAxis(frame, domain)}</svg>`
}

/** An alert's name in the timeline: its rule, its group's labels and (SLO) window pair. */
export const alertLabel = (interval: Pick<AlertInterval, 'ruleId' | 'group' | 'window'>): string =>
  [interval.ruleId, ...Object.entries(interval.group).map(([key, value]) => `${key}=${value}`), ...(interval.window === null ? [] : [interval.window])].join(' ')

/** The most rows the alert timeline draws; the table lists every interval held. */
export const maxTimelineRows = 40

/** The alert timeline: one row per alert (rule, group, window pair), a bar from firing to resolved, by severity. */
export function alertTimeline(input: { readonly id: string; readonly intervals: ReadonlyArray<AlertInterval>; readonly domain: TimeDomain; readonly width: number }): Html {
  const rows: Array<{ key: string; label: string; severity: Severity; intervals: AlertInterval[] }> = []
  const byKey = new Map<string, (typeof rows)[number]>()
  for (const interval of input.intervals) {
    const key = JSON.stringify([interval.ruleId, Object.entries(interval.group), interval.window])
    let row = byKey.get(key)
    if (row === undefined) {
      if (rows.length >= maxTimelineRows) continue
      row = { key, label: alertLabel(interval), severity: interval.severity, intervals: [] }
      byKey.set(key, row)
      rows.push(row)
    }
    row.intervals.push(interval)
  }
  const rowHeight = 24
  const frame: Frame = { width: input.width, height: 10 + Math.max(1, rows.length) * rowHeight + 24, left: 330, right: 16, top: 10, bottom: 24 }
  const { domain } = input
  const x = linearScale([domain.start, domain.end], [frame.left, frame.width - frame.right])
  const lines = rows.map((row, i) => {
    const yTop = frame.top + i * rowHeight
    const bars = row.intervals.map((interval) => {
      const end = interval.to ?? domain.end
      const x0 = x(interval.from)
      const width = Math.max(3, x(end) - x0)
      const what = interval.to === null ? `still firing at the end of the capture (since ${instantLabel(interval.from)} UTC)` : `${instantLabel(interval.from)} to ${instantLabel(interval.to)} UTC (${durationLabel(interval.to - interval.from)})`
      const open = interval.to === null ? html`<path class="open" d="M${px(x0 + width)},${px(yTop + 4)} l6,${rowHeight / 2 - 6} l-6,${rowHeight / 2 - 6} z" fill="${ownText(severityFill(interval.severity))}"/>` : html``
      return html`<g><title>${alertLabel(interval)}: ${ownText(interval.severity)}, ${ownText(what)}</title><rect x="${px(x0)}" y="${yTop + 4}" width="${px(width)}" height="${rowHeight - 8}" rx="2" fill="${ownText(severityFill(interval.severity))}"/>${open}</g>`
    })
    return html`<g class="row"><rect class="band${ownText(i % 2 === 0 ? '' : ' odd')}" x="0" y="${yTop}" width="${frame.width - frame.right}" height="${rowHeight}"/><text class="label" x="8" y="${yTop + rowHeight / 2 + 4}"><tspan class="sev">${ownText(row.severity.toUpperCase())}</tspan> ${vendorText(row.label, 44)}</text>${bars}</g>`
  })
  const desc =
    rows.length === 0
      ? html`No alert fired during the capture.`
      : html`${input.intervals.length} alert intervals in ${rows.length} rows; each bar runs from firing to resolved, filled by severity (page solid red, ticket striped amber, info dotted blue).`
  const empty = rows.length === 0 ? html`<text class="empty" x="${px(frame.left + plotWidth(frame) / 2)}" y="${frame.top + 16}" text-anchor="middle">no alert fired</text>` : html``
  return html`${svgOpen(input.id, frame, html`Alert timeline`, desc, 'chart timeline')}${lines}${empty}${timeAxis(frame, domain)}</svg>`
}

const burnText = (burn: number): string => (burn >= 10 ? `${Math.round(burn)}×` : `${Number(burn.toPrecision(2))}×`)

/**
 * An SLO group's burn rate per bucket (error ratio / error budget), as bars, with the window pairs' factors
 * as dashed lines, and above the plot one lane per window pair showing when its alert fired (by severity).
 */
export function burnChart(input: {
  readonly id: string
  readonly title: Html
  readonly group: SloGroupData
  readonly windows: ReadonlyArray<SloWindow>
  readonly start: number
  readonly bucketMs: number
  readonly width: number
}): Html {
  const { group, windows, start, bucketMs } = input
  const laneHeight = 9
  const lanesTop = 8
  const frame: Frame = { width: input.width, height: 200 + windows.length * laneHeight, left: 44, right: 150, top: lanesTop + windows.length * laneHeight + 8, bottom: 22 }
  const buckets = group.burn.length
  const domain: TimeDomain = { start, end: start + buckets * bucketMs }
  const highest = Math.max(0, ...group.burn.map((burn) => burn ?? 0))
  // A log scale: burn rates span 0.1× to hundreds, and the factors (1×, 3×, 6×, 14.4×) must stay apart.
  const { bottom, top, ticks } = burnTicks(highest)
  const x = linearScale([domain.start, domain.end], [frame.left, frame.width - frame.right])
  const yLog = linearScale([Math.log10(bottom), Math.log10(top)], [frame.height - frame.bottom, frame.top])
  const y = (burn: number) => yLog(Math.log10(Math.min(top, Math.max(bottom, burn))))
  const slot = plotWidth(frame) / Math.max(1, buckets)
  const gap = slot >= 5 ? 1 : 0
  const bars = group.burn.map((burn, bucket) => {
    if (burn === null || burn === 0) return html``
    const at = start + bucket * bucketMs
    return html`<rect x="${px(x(at) + gap / 2)}" y="${px(y(burn))}" width="${px(Math.max(0.5, slot - gap))}" height="${px(Math.max(0.5, y(bottom) - y(burn)))}"><title>${ownText(bucketLabel(at, bucketMs))}: burn rate ${ownText(burnText(burn))}</title></rect>`
  })
  const factors = [...new Map(windows.map((window) => [window.factor, window])).values()]
  const shown = factors.filter((window) => window.factor <= top)
  const references = shown.map((window) => {
    const names = windows.filter((other) => other.factor === window.factor).map((other) => other.name)
    return html`<g class="factor ${ownText(window.severity)}"><line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${px(y(window.factor))}" y2="${px(y(window.factor))}"/><text x="${frame.width - frame.right + 6}" y="${px(y(window.factor) + 4)}">${ownText(`${window.factor}× ${window.severity} (${names.join(', ')})`)}</text></g>`
  })
  const lanes = windows.map((window, i) => {
    const yLane = lanesTop + i * laneHeight
    const fired = group.intervals.filter((interval) => interval.window === window.name)
    const spans = fired.map((interval) => {
      const end = interval.to ?? domain.end
      return html`<rect x="${px(x(interval.from))}" y="${yLane}" width="${px(Math.max(3, x(end) - x(interval.from)))}" height="${laneHeight - 2}" fill="${ownText(severityFill(interval.severity))}"><title>${ownText(`${window.name} ${interval.severity} alert: ${instantLabel(interval.from)} to ${interval.to === null ? 'the end of the capture' : instantLabel(interval.to)} UTC`)}</title></rect>`
    })
    return html`<g class="lane"><line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${yLane + laneHeight / 2 - 1}" y2="${yLane + laneHeight / 2 - 1}"/><text x="${frame.width - frame.right + 6}" y="${yLane + laneHeight - 2}">${ownText(`${window.name} ${window.severity}`)}</text>${spans}</g>`
  })
  const above = factors.filter((window) => window.factor > top).map((window) => burnText(window.factor))
  const desc = html`Burn rate (error ratio divided by the error budget) per ${ownText(durationLabel(bucketMs))}, on a log scale; highest ${ownText(burnText(highest))}. ${group.intervals.length} alerts fired.${ownText(above.length === 0 ? '' : ` Factors above the chart: ${above.join(', ')}.`)}`
  return html`${svgOpen(input.id, frame, input.title, desc, 'chart burn')}${valueAxis(frame, ticks, y, (value) => `${value}×`)}<g class="burn-bars">${bars}</g>${references}${lanes}${timeAxis(frame, domain)}</svg>`
}
