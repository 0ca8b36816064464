import { defaultSloPeriodDays, isSloRule, type AlertRule } from '@faultline/alerting'
import { kinds as contractKinds } from '@faultline/core'
import { printable } from '../printable'
import { byLabel, percent, top } from '../report'
import { alertTimeline, bucketLabel, burnChart, stackedBars, type TimeDomain } from './charts'
import { html, joinHtml, ownText, printableText, type Html } from './escape'
import type { AlertInterval, ReportPageData, SloData, TimeChartData } from './model'
import { kindFill, swatch } from './palette'
import { durationLabel, instantLabel, sizeLabel } from './scale'

/** The width, in SVG units, of a chart the width of a section (the SVG scales to the page). */
const fullWidth = 1100
const halfWidth = 530

const count = (n: number): Html => ownText(n.toLocaleString('en-US'))
const plural = (n: number, one: string, many: string): Html => html`${count(n)} ${ownText(n === 1 ? one : many)}`

/** A kind with its swatch, as tables and legends show it. */
const kindName = (kind: string): Html => html`<span class="kindname">${swatch(kindFill(kind))}${kind}</span>`

/** A group's labels, `vendor=medblocks reason=throttled` (vendor text). */
const groupText = (group: Readonly<Record<string, string>>): Html =>
  joinHtml(
    Object.entries(group).map(([key, value]) => html`<code>${key}=${value}</code>`),
    ' ',
  )

/** A share as a small bar (an SVG: the page has no style attributes) and its percentage. */
const shareBar = (part: number, whole: number): Html => {
  const width = whole === 0 ? 0 : Math.round((60 * part) / whole)
  return html`<svg class="bar" width="60" height="8" aria-hidden="true" focusable="false"><rect class="track" width="60" height="8" rx="2"/><rect class="fill" width="${width}" height="8" rx="2"/></svg>`
}

/** The totals, the same numbers as the terminal report's first lines (and the counts line on stderr). */
export function totalsSection(data: ReportPageData): Html {
  const { counts, totals } = data
  const responses = counts.errors + counts.successes
  const card = (className: string, label: string, value: Html, note: Html = html``) =>
    html`<div class="card ${ownText(className)}"><dt>${ownText(label)}</dt><dd>${value}${note}</dd></div>`
  return html`<dl class="cards" aria-label="Totals">${[
    card('lines', 'Lines read', count(counts.read)),
    card('errors', 'Errors', count(counts.errors), html`<small>${ownText(percent(counts.errors, responses))} of ${count(responses)} responses</small>`),
    card('successes', 'Successes', count(counts.successes)),
    card('skipped', 'Skipped lines', count(counts.skipped)),
    card('retryable', 'Retryable', ownText(percent(totals.retryable, totals.errors)), html`<small>${plural(totals.retryable, 'error', 'errors')}</small>`),
    card('alerts', 'Alerts fired', count(data.firings), html`<small>${plural(data.intervals.filter((interval) => interval.to === null).length, 'still firing', 'still firing')}</small>`),
  ]}</dl>`
}

/** The legend of the kinds a chart shows, with their counts. */
function kindLegend(chart: TimeChartData): Html {
  const totals = chart.kinds.map((_, k) => chart.all.byBucket.reduce((sum, row) => sum + (row[k] ?? 0), 0))
  return html`<ul class="legend" aria-label="Kinds">${chart.kinds.map((kind, k) => html`<li>${swatch(kindFill(kind))}${kind} <span class="count">${count(totals[k] ?? 0)}</span></li>`)}</ul>`
}

/** The chart of all vendors as a table: the buckets that hold errors, by kind. */
function chartTable(chart: TimeChartData): Html {
  const rows = chart.all.byBucket.flatMap((row, bucket) => {
    const sum = row.reduce((a, b) => a + b, 0)
    if (sum === 0) return []
    return [html`<tr><th scope="row">${ownText(bucketLabel(chart.start + bucket * chart.bucketMs, chart.bucketMs))}</th><td class="n">${count(sum)}</td>${row.map((n) => html`<td class="n${ownText(n === 0 ? ' zero' : '')}">${count(n)}</td>`)}</tr>`]
  })
  return html`<details><summary>The errors over time as a table (${plural(rows.length, 'bucket', 'buckets')} with errors)</summary><div class="scroll"><table><caption>Errors per ${ownText(sizeLabel(chart.bucketMs).replace(/^1 /, ''))}, all vendors, by kind</caption><thead><tr><th scope="col">bucket (UTC)</th><th scope="col" class="n">errors</th>${chart.kinds.map((kind) => html`<th scope="col" class="n">${kind}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div></details>`
}

/** Errors over time: all vendors stacked by kind, then one small chart per vendor. */
export function errorsOverTimeSection(data: ReportPageData): Html {
  const { chart } = data
  const untimed = data.untimedErrors === 0 ? html`` : html`<p class="note">${plural(data.untimedErrors, 'error', 'errors')} came before any line had a time ("at"): counted in the totals, not drawn.</p>`
  if (chart === null) {
    const why = data.counts.errors + data.counts.successes === 0 ? 'The capture holds no responses.' : 'No response of the capture has a time ("at"): nothing to draw over time.'
    return html`<section class="panel" id="errors-over-time" aria-labelledby="errors-over-time-h"><h2 id="errors-over-time-h">Errors over time</h2><p class="lede">${ownText(why)}</p>${untimed}</section>`
  }
  const all = stackedBars({ id: 'chart-all', title: html`Errors over time, all vendors, by kind`, series: chart.all, kinds: chart.kinds, start: chart.start, bucketMs: chart.bucketMs, width: fullWidth, height: 260 })
  const multiples = chart.vendors.map((series, i) => {
    const name = series.vendor === null ? html`${ownText(`${series.vendors} other vendors`)}` : html`${series.vendor}`
    const svg = stackedBars({ id: `chart-vendor-${i}`, title: html`Errors over time: ${name}`, series, kinds: chart.kinds, start: chart.start, bucketMs: chart.bucketMs, width: halfWidth, height: 110 })
    return html`<figure><h3>${name} <span class="count">${plural(series.errors, 'error', 'errors')}</span></h3>${svg}</figure>`
  })
  return html`<section class="panel" id="errors-over-time" aria-labelledby="errors-over-time-h"><h2 id="errors-over-time-h">Errors over time</h2><p class="lede">${count(chart.all.errors)} errors from ${ownText(instantLabel(chart.start))} UTC, one bar per ${ownText(sizeLabel(chart.bucketMs).replace(/^1 /, ''))}, stacked by kind (each kind its colour and pattern). Hover a bar for its counts.</p><figure>${all}${kindLegend(chart)}</figure>${untimed}<h3>By vendor <span class="count">each on its own scale</span></h3><div class="multiples">${multiples}</div>${chartTable(chart)}</section>`
}

/** A severity as a badge (its word, and its colour). */
const badge = (severity: string): Html => html`<span class="badge ${ownText(severity)}">${severity}</span>`

/** The alert timeline (the same engine and rules as `faultline alerts`) and the alerts as a table. */
export function alertsSection(data: ReportPageData, rulesSource: string | null): Html {
  const domain: TimeDomain | null = data.chart === null ? null : { start: data.chart.start, end: data.chart.start + data.chart.buckets * data.chart.bucketMs }
  const rulesName = rulesSource === null ? html`the default rule pack` : html`the rules of <code>${rulesSource}</code>`
  const chart = domain === null ? html`` : html`<figure>${alertTimeline({ id: 'chart-alerts', intervals: data.intervals, domain, width: fullWidth })}<ul class="legend" aria-label="Severities">${(['page', 'ticket', 'info'] as const).map((severity) => html`<li>${swatch(`url(#severity-${severity})`)}${severity}</li>`)}<li>a bar that ends in a point was still firing at the end of the capture</li></ul></figure>`
  // Times of day when the capture is one UTC day (its date in the caption), else full instants.
  const day = data.span !== null && instantLabel(data.span.first).slice(0, 10) === instantLabel(data.span.last).slice(0, 10) ? instantLabel(data.span.first).slice(0, 10) : null
  const when = (at: number) => ownText(day === null ? instantLabel(at) : instantLabel(at).slice(11))
  const rows = data.intervals.map((interval) => alertRow(interval, when))
  const notHeld = data.intervalsNotHeld === 0 ? html`` : html`<p class="note">${plural(data.intervalsNotHeld, 'more alert interval is', 'more alert intervals are')} not listed.</p>`
  const fired = new Set(data.intervals.map((interval) => interval.ruleId))
  const summaries = data.rules.filter((rule) => fired.has(rule.id)).map((rule) => html`<dt><code>${rule.id}</code></dt><dd>${rule.summary}</dd>`)
  const table =
    rows.length === 0
      ? html`<p class="note">No alert fired.</p>`
      : html`<details open><summary>${plural(data.intervals.length, 'alert', 'alerts')}, in order of firing</summary><div class="scroll"><table><caption>Alerts, firing to resolved (UTC${ownText(day === null ? '' : `, ${day}`)})</caption><thead><tr><th scope="col">severity</th><th scope="col">rule</th><th scope="col">group</th><th scope="col" class="n">fired</th><th scope="col" class="n">resolved</th><th scope="col" class="n">for</th><th scope="col" class="n">in window</th></tr></thead><tbody>${rows}</tbody></table></div><dl class="summaries" aria-label="What the rules that fired mean">${summaries}</dl></details>`
  return html`<section class="panel" id="alerts" aria-labelledby="alerts-h"><h2 id="alerts-h">Alert timeline</h2><p class="lede">The capture replayed through ${rulesName}, as <code>faultline alerts</code> replays it: ${plural(data.firings, 'alert', 'alerts')} fired. Each row is one alert (rule, group and SLO window pair), from firing to resolved.</p>${chart}${table}${notHeld}</section>`
}

function alertRow(interval: AlertInterval, when: (at: number) => Html): Html {
  const resolved = interval.to === null ? html`<span class="badge open">still firing</span>` : when(interval.to)
  const lasted = interval.to === null ? html`` : ownText(durationLabel(interval.to - interval.from))
  const window = interval.window === null ? html`` : html` <code>${interval.window}</code>`
  const inWindow = interval.ratio === null ? count(interval.count) : html`${count(interval.count)} (${ownText(`${(interval.ratio * 100).toPrecision(3)}%`)})`
  return html`<tr><td>${badge(interval.severity)}</td><th scope="row"><code>${interval.ruleId}</code>${window}</th><td>${groupText(interval.group)}</td><td class="n when">${when(interval.from)}</td><td class="n when">${resolved}</td><td class="n">${lasted}</td><td class="n">${inWindow}</td></tr>`
}

const burnText = (burn: number): string => (burn >= 10 ? `${Math.round(burn)}×` : `${Number(burn.toPrecision(2))}×`)

/** The most groups of one SLO rule drawn as charts (the table lists them all). */
export const maxSloCharts = 4

/**
 * SLO burn: for each rule with an `slo`, its objective, each group's error ratio and burn rate over the capture,
 * a burn-rate chart per group (the window pairs' factors as lines) and the alerts its window pairs raised,
 * read from the alert events of the rule (events carry the pair as `window`, e.g. `1h/5m`).
 */
export function sloSection(data: ReportPageData): Html {
  const sloRules = data.rules.filter(isSloRule)
  const head = html`<h2 id="slo-h">SLO burn</h2>`
  if (sloRules.length === 0) {
    return html`<section class="panel" id="slo" aria-labelledby="slo-h">${head}<p class="lede">No rule in use has an SLO (a rule with <code>slo: { objective }</code>): nothing to burn.</p></section>`
  }
  return html`<section class="panel" id="slo" aria-labelledby="slo-h">${head}<p class="lede">The burn rate is the error ratio divided by the error budget (1 − objective): at 1× the budget lasts exactly its period. Alerts fire when both windows of a pair burn faster than its factor.</p>${data.slos.map((slo, i) => sloRuleBlock(slo, i, data))}</section>`
}

function sloRuleBlock(slo: SloData, index: number, data: ReportPageData): Html {
  const { rule } = slo
  const budget = 1 - rule.slo.objective
  const objective = `${Number((rule.slo.objective * 100).toPrecision(6))}%`
  const period = `${rule.slo.periodDays ?? defaultSloPeriodDays}-day`
  const rows = slo.groups.map((group) => {
    const ratio = group.requests === 0 ? null : group.bad / group.requests
    const fired = group.intervals.length === 0 ? html`none` : joinHtml(group.intervals.map((interval) => html`${badge(interval.severity)} <code>${interval.window ?? ''}</code>`), ' ')
    return html`<tr><th scope="row">${groupText(group.group)}</th><td class="n">${count(group.requests)}</td><td class="n">${count(group.bad)}</td><td class="n">${ownText(ratio === null ? '–' : `${(ratio * 100).toPrecision(3)}%`)}</td><td class="n">${ownText(ratio === null ? '–' : burnText(ratio / budget))}</td><td>${fired}</td></tr>`
  })
  const chart = data.chart
  const figures =
    chart === null
      ? []
      : slo.groups.slice(0, maxSloCharts).map((group, g) => {
          const labels = joinHtml(Object.entries(group.group).map(([key, value]) => html`${key}=${value}`), ' ')
          const svg = burnChart({ id: `chart-slo-${index}-${g}`, title: html`Burn rate of ${rule.id}: ${labels}`, group, windows: slo.windows, start: chart.start, bucketMs: chart.bucketMs, width: fullWidth })
          return html`<figure><h3>${groupText(group.group)} <span class="count">burn rate per ${ownText(sizeLabel(chart.bucketMs).replace(/^1 /, ''))}</span></h3>${svg}</figure>`
        })
  const notHeld = slo.groupsNotHeld === 0 ? html`` : html`<p class="note">${plural(slo.groupsNotHeld, 'bad event', 'bad events')} of further groups not held.</p>`
  const table =
    rows.length === 0
      ? html`<p class="note">No bad event matched this rule.</p>`
      : html`<div class="scroll"><table><caption>${ownText(`${objective} over a ${period} period: the budget is ${Number((budget * 100).toPrecision(6))}% of requests`)}</caption><thead><tr><th scope="col">group</th><th scope="col" class="n">requests</th><th scope="col" class="n">bad</th><th scope="col" class="n">error ratio</th><th scope="col" class="n">burn over the capture</th><th scope="col">alerts (window pair)</th></tr></thead><tbody>${rows}</tbody></table></div>`
  return html`<h3><code>${rule.id}</code> <span class="count">${ownText(`objective ${objective}, ${period}`)}</span></h3><p class="note">${rule.summary}</p>${table}${figures}${notHeld}`
}

/** Errors by kind and vendor: the terminal report's first table. */
export function kindVendorSection(data: ReportPageData): Html {
  const { totals } = data
  const vendors = [...totals.byVendorKind.keys()].sort()
  const kinds = [...new Set(vendors.flatMap((vendor) => [...totals.byVendorKind.get(vendor)!.keys()]))].sort(
    (a, b) => contractKinds.indexOf(a as never) - contractKinds.indexOf(b as never) || a.localeCompare(b),
  )
  const cell = (n: number) => html`<td class="n${ownText(n === 0 ? ' zero' : '')}">${count(n)}</td>`
  const rows = kinds.map((kind) => {
    const cells = vendors.map((vendor) => totals.byVendorKind.get(vendor)!.get(kind) ?? 0)
    return html`<tr><th scope="row">${kindName(kind)}</th>${cells.map(cell)}<td class="n">${count(cells.reduce((a, b) => a + b, 0))}</td></tr>`
  })
  const columnTotals = vendors.map((vendor) => [...totals.byVendorKind.get(vendor)!.values()].reduce((a, b) => a + b, 0))
  const body =
    kinds.length === 0
      ? html`<p class="note">No errors.</p>`
      : html`<div class="scroll"><table><caption>Errors by kind (rows) and vendor (columns)</caption><thead><tr><th scope="col">kind</th>${vendors.map((vendor) => html`<th scope="col" class="n">${vendor}</th>`)}<th scope="col" class="n">total</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row">total</th>${columnTotals.map(cell)}<td class="n">${count(totals.errors)}</td></tr></tfoot></table></div>`
  return html`<section class="panel" id="kinds" aria-labelledby="kinds-h"><h2 id="kinds-h">Errors by kind and vendor</h2>${body}</section>`
}

/** The top reasons, as the terminal report counts them (its ten, pairs that print alike added up). */
export function reasonsSection(data: ReportPageData): Html {
  const { totals } = data
  // The terminal's labels: a kind never prints with ' / ' in it (kinds are the contract's words), so the
  // label splits back into its kind and reason at the first one.
  const pairs = top(byLabel(totals.byKindReason, (kind, reason) => `${printable(kind)} / ${printable(reason)}`), 10)
  const rows = pairs.map(([label, n]) => {
    const cut = label.indexOf(' / ')
    const kind = label.slice(0, cut)
    return html`<tr><th scope="row">${html`<span class="kindname">${swatch(kindFill(kind))}${printableText(kind)}</span>`}</th><td><code>${printableText(label.slice(cut + 3))}</code></td><td class="n">${count(n)}</td><td class="n">${shareBar(n, totals.errors)} ${ownText(percent(n, totals.errors))}</td></tr>`
  })
  const body =
    rows.length === 0
      ? html`<p class="note">No errors.</p>`
      : html`<table><caption>The ten most frequent reasons</caption><thead><tr><th scope="col">kind</th><th scope="col">reason</th><th scope="col" class="n">errors</th><th scope="col" class="n">share</th></tr></thead><tbody>${rows}</tbody></table>`
  return html`<section class="panel" id="reasons" aria-labelledby="reasons-h"><h2 id="reasons-h">Top reasons</h2>${body}</section>`
}

/** Unrecognized codes per vendor (vendor API drift), as the terminal report counts them (its twenty). */
export function unrecognizedSection(data: ReportPageData): Html {
  const { totals } = data
  // NUL never prints (`printable` shows it as `\u0000`): the label splits back into vendor and code.
  const pairs = top(byLabel(totals.unrecognizedCodes, (vendor, code) => `${printable(vendor)}\u0000${printable(code)}`), 20)
  const rows = pairs.map(([label, n]) => {
    const [vendor = '', code = ''] = label.split('\u0000')
    return html`<tr><th scope="row">${printableText(vendor)}</th><td><code>${printableText(code)}</code></td><td class="n">${count(n)}</td></tr>`
  })
  const body =
    rows.length === 0
      ? html`<p class="note">None: every vendor code was one the adapters know.</p>`
      : html`<table><caption>Vendor codes the adapters do not know</caption><thead><tr><th scope="col">vendor</th><th scope="col">code</th><th scope="col" class="n">errors</th></tr></thead><tbody>${rows}</tbody></table>`
  return html`<section class="panel" id="unrecognized" aria-labelledby="unrecognized-h"><h2 id="unrecognized-h">Unrecognized codes</h2><p class="lede">Codes the adapters do not know: vendor API drift.</p>${body}<p class="note">${plural(totals.unrecognizedBodies, 'error', 'errors')} carried no vendor code at all (proxy pages, empty bodies), decided by status.</p></section>`
}

/** The rules in use, for the record: every rule's id, condition and summary (user text, redacted and escaped). */
export function rulesNote(rules: ReadonlyArray<AlertRule>): Html {
  return html`${plural(rules.length, 'rule', 'rules')}: ${joinHtml(
    rules.map((rule) => html`<code>${rule.id}</code>`),
    ', ',
  )}.`
}
