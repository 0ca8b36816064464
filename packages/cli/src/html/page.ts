import { Html, html, ownText } from './escape'
import type { ReportPageData } from './model'
import { patternDefinitions } from './palette'
import { instantLabel, sizeAdjective } from './scale'
import { alertsSection, errorsOverTimeSection, kindVendorSection, reasonsSection, rulesNote, sloSection, totalsSection, unrecognizedSection } from './sections'
import { pageStyle, pageStyleHash } from './style'

/**
 * The page's Content-Security-Policy: nothing may load (no script, font, frame, connection or form), the one
 * style sheet is allowed by its hash, images only as `data:` URLs (the page has none).
 */
export const contentSecurityPolicy = `default-src 'none'; style-src ${pageStyleHash}; img-src data:; base-uri 'none'; form-action 'none'`

/** What the page says of where it comes from. */
export interface PageOptions {
  /** The rules file given with `--rules`; null for the default pack. */
  readonly rulesSource: string | null
}

/**
 * The HTML report: one self-contained page (inline CSS, inline SVG, no script, nothing fetched). Every string
 * from the capture or the rules file is shown as the terminal shows it (`printable`: redacted, controls
 * escaped, cut), then HTML-escaped; the page's own words, numbers and times are written as they are.
 */
export function renderReportPage(data: ReportPageData, options: PageOptions): string {
  const span =
    data.span === null
      ? html`no timed responses`
      : html`${ownText(instantLabel(data.span.first))} to ${ownText(instantLabel(data.span.last))} UTC${data.chart === null ? html`` : html` · ${ownText(sizeAdjective(data.chart.bucketMs))} buckets`}`
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${ownText(contentSecurityPolicy)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="faultline report --html">
<title>faultline report: ${data.source}</title>
<style>${Html.trusted(pageStyle)}</style>
</head>
<body>
${patternDefinitions()}
<header class="top"><div class="wrap">
<h1><span class="brand">faultline</span> report</h1>
<p class="source">Capture <code>${data.source}</code> · ${span}</p>
</div></header>
<main class="wrap">
${totalsSection(data)}
${errorsOverTimeSection(data)}
${alertsSection(data, options.rulesSource)}
${sloSection(data)}
${kindVendorSection(data)}
<div class="row2">
${reasonsSection(data)}
${unrecognizedSection(data)}
</div>
</main>
<footer class="wrap"><p>Written by <code>faultline report --html</code>. Times are UTC. Vendor text (vendor ids, reasons, codes, alert groups, rule summaries) is shown as the terminal shows it: redacted, control characters escaped, cut at 200 characters. ${rulesNote(data.rules)}</p></footer>
</body>
</html>
`
  return page.markup
}
