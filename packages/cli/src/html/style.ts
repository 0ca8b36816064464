import { createHash } from 'node:crypto'

/**
 * The page's one style sheet, inline. The Content-Security-Policy allows it by its hash (no `unsafe-inline`),
 * so the page has no `style` attribute: every style is here, every colour of a chart an SVG attribute.
 */
export const pageStyle = `
:root { color-scheme: light; --ink: #1c2433; --muted: #5a6478; --line: #e2e6ed; --panel: #ffffff; --bg: #f3f5f8; --head: #17202f; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.wrap { max-width: 1200px; margin: 0 auto; padding: 0 28px; }
header.top { background: var(--head); color: #ffffff; padding: 26px 0 64px; }
header.top h1 { font-size: 24px; line-height: 1.2; margin: 0 0 6px; font-weight: 650; letter-spacing: -0.01em; }
header.top h1 .brand { color: #8fb4ff; }
header.top p { margin: 0; color: #c3cbdb; }
header.top p.source code { color: #ffffff; background: #ffffff1a; padding: 1px 6px; border-radius: 4px; }
main.wrap { margin-top: -44px; padding-bottom: 32px; }
.cards { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 12px; margin: 0 0 20px; padding: 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; box-shadow: 0 1px 2px #1018280d; }
.card dt { color: var(--muted); font-size: 11.5px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; }
.card dd { margin: 2px 0 0; font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.25; }
.card dd small { display: block; font-size: 12px; font-weight: 400; color: var(--muted); }
.card.errors dd { color: #b42318; }
.card.successes dd { color: #2d7a3e; }
.card.alerts dd { color: #a15c00; }
section.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px 22px; margin: 0 0 20px; box-shadow: 0 1px 2px #1018280d; }
h2 { font-size: 17px; line-height: 1.3; margin: 0 0 2px; font-weight: 650; }
h3 { font-size: 14px; margin: 18px 0 4px; font-weight: 600; display: flex; align-items: baseline; gap: 8px; }
h3 .count { color: var(--muted); font-weight: 400; font-size: 12.5px; }
p.lede { color: var(--muted); margin: 0 0 14px; max-width: 880px; }
p.note { color: var(--muted); margin: 10px 0 0; font-size: 12.5px; }
.row2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; }
.row2 > section.panel { margin: 0 0 20px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 12.5px; padding: 0 0 6px; caption-side: top; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { font-size: 11.5px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); background: #f8f9fb; white-space: nowrap; }
tbody th { font-weight: 500; }
tbody tr:last-child th, tbody tr:last-child td { border-bottom: 0; }
tfoot th, tfoot td { border-top: 2px solid var(--line); border-bottom: 0; font-weight: 600; }
.n { text-align: right; white-space: nowrap; }
td.zero { color: #b8bfcc; }
code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; overflow-wrap: break-word; }
dl.summaries { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 14px; margin: 14px 0 0; font-size: 12.5px; }
dl.summaries dt { margin: 0; }
dl.summaries dd { margin: 0; color: var(--muted); }
td.when { white-space: nowrap; }
tbody th code { white-space: nowrap; }
.kindname { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.bar { vertical-align: middle; }
.bar .track { fill: #edf0f4; }
.bar .fill { fill: #3b6fb6; }
svg.swatch { flex: none; vertical-align: -2px; }
svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 12.5px; margin: 4px 0 0; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.chart text { font-size: 11px; fill: var(--muted); font-family: inherit; }
svg.chart text.empty { font-size: 13px; fill: #98a1b2; }
.axis line { stroke: #c6cdd8; shape-rendering: crispEdges; }
.axis line.grid { stroke: #edf0f4; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 10px 0 0; font-size: 12.5px; }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.legend .count { color: var(--muted); font-variant-numeric: tabular-nums; }
.multiples { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 4px 28px; }
.timeline .band { fill: #ffffff; }
.timeline .band.odd { fill: #f6f8fb; }
svg.chart.timeline text.label { font-size: 12px; fill: var(--ink); }
svg.chart.timeline tspan.sev { font-size: 9.5px; font-weight: 700; fill: var(--muted); letter-spacing: 0.04em; }
.burn-bars rect { fill: #6b7a93; }
.factor line { stroke-dasharray: 5 4; stroke-width: 1.3; }
.factor.page line { stroke: #c0392b; }
.factor.ticket line { stroke: #d98a00; }
svg.chart .factor text, svg.chart .lane text { font-size: 10.5px; }
.lane line { stroke: #e6e9ef; }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 11px; font-weight: 700; line-height: 18px; text-transform: uppercase; letter-spacing: 0.04em; color: #ffffff; white-space: nowrap; }
.badge.page { background: #c0392b; }
.badge.ticket { background: #b87400; }
.badge.info { background: #2e77b8; }
.badge.open { background: #ffffff; color: #b42318; border: 1px solid #b42318; }
details { margin: 12px 0 0; }
details summary { cursor: pointer; color: var(--muted); font-size: 12.5px; }
details table { margin-top: 8px; font-size: 12.5px; }
.scroll { overflow-x: auto; }
footer { color: var(--muted); font-size: 12px; padding: 8px 0 28px; }
@media (max-width: 960px) {
  .cards { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .row2, .multiples { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  body { background: #ffffff; }
  header.top { background: #ffffff; color: var(--ink); padding-bottom: 12px; }
  main.wrap { margin-top: 0; }
  section.panel, .card { box-shadow: none; break-inside: avoid; }
}
`.trim()

/** The `'sha256-...'` source of {@link pageStyle}, for the page's Content-Security-Policy. */
export const pageStyleHash = `'sha256-${createHash('sha256').update(pageStyle, 'utf8').digest('base64')}'`
