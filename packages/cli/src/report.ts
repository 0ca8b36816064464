import type { CanonicalError } from '@faultline/core'
import type { LineCounts } from './counts'
import { maxFieldLength, printable } from './printable'
import { formatTable, type Style } from './table'

/**
 * Running totals for `faultline report`; memory bounded by the distinct vendors, kinds, reasons and codes seen.
 * Pairs are counted in nested maps keyed by the error's own strings: a `kind / reason` key made for every
 * error would cost a new string and its slow `Map` lookup per line (decision 017); labels are made once, when
 * the report is printed.
 */
export interface ReportTotals {
  readonly byVendorKind: Map<string, Map<string, number>>
  readonly byKindReason: Map<string, Map<string, number>>
  /** Unrecognized codes by vendor, at most {@link maxDistinctCodes} pairs. */
  readonly unrecognizedCodes: Map<string, Map<string, number>>
  distinctUnrecognizedCodes: number
  unrecognizedBodies: number
  retryable: number
  errors: number
  firstAt: number | null
  lastAt: number | null
}

const maxDistinctCodes = 10_000

export const newReportTotals = (): ReportTotals => ({
  byVendorKind: new Map(),
  byKindReason: new Map(),
  unrecognizedCodes: new Map(),
  distinctUnrecognizedCodes: 0,
  unrecognizedBodies: 0,
  retryable: 0,
  errors: 0,
  firstAt: null,
  lastAt: null,
})

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)

const inner = (map: Map<string, Map<string, number>>, key: string): Map<string, number> => {
  let counts = map.get(key)
  if (counts === undefined) map.set(key, (counts = new Map()))
  return counts
}

/** The pairs of a nested count by their printed labels (pairs that print alike are added up). */
export const byLabel = (map: Map<string, Map<string, number>>, label: (outer: string, inner: string) => string): Map<string, number> => {
  const flat = new Map<string, number>()
  for (const [outer, counts] of map) {
    for (const [key, n] of counts) {
      const printed = label(outer, key)
      flat.set(printed, (flat.get(printed) ?? 0) + n)
    }
  }
  return flat
}

// A code seen before is counted; a new one only while fewer than `maxDistinctCodes` are held. A code longer
// than a printed field is held as it will print (redacted and cut): 10,000 codes of a megabyte each are not.
// (Printed, it goes through `printable` once more, which can only redact more of it.)
function countUnrecognizedCode(totals: ReportTotals, vendor: string, vendorCode: string): void {
  const code = vendorCode.length <= maxFieldLength ? vendorCode : printable(vendorCode)
  const codes = totals.unrecognizedCodes.get(vendor)
  if (codes !== undefined && codes.has(code)) bump(codes, code)
  else if (totals.distinctUnrecognizedCodes < maxDistinctCodes) {
    totals.distinctUnrecognizedCodes++
    inner(totals.unrecognizedCodes, vendor).set(code, 1)
  }
}

/** Adds one error to the totals. */
export function addToReport(totals: ReportTotals, error: CanonicalError, at: number | null): void {
  totals.errors++
  if (error.retryable) totals.retryable++
  bump(inner(totals.byVendorKind, error.vendor), error.kind)
  bump(inner(totals.byKindReason, error.kind), error.reason)
  if (!error.recognized) {
    if (error.vendorCode === null) totals.unrecognizedBodies++
    else countUnrecognizedCode(totals, error.vendor, error.vendorCode)
  }
  if (at !== null) {
    totals.firstAt = totals.firstAt === null ? at : Math.min(totals.firstAt, at)
    totals.lastAt = totals.lastAt === null ? at : Math.max(totals.lastAt, at)
  }
}

/** The `n` largest counts, ties by label. */
export const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n)
/** `part` of `whole` as a rounded percentage (`0%` of nothing). */
export const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`)

/**
 * The readable summary `faultline report` prints. Every vendor, kind, reason and code is shown through
 * `printable` (redacted, control characters escaped, cut to a bounded length); pairs that print alike are
 * counted as one.
 */
export function formatReport(totals: ReportTotals, counts: LineCounts, style: Style): string {
  const vendors = [...totals.byVendorKind.keys()].sort()
  const kinds = [...new Set(vendors.flatMap((vendor) => [...totals.byVendorKind.get(vendor)!.keys()]))].sort()
  const matrix = kinds.map((kind) => [printable(kind), ...vendors.map((vendor) => totals.byVendorKind.get(vendor)!.get(kind) ?? 0), vendors.reduce((sum, vendor) => sum + (totals.byVendorKind.get(vendor)!.get(kind) ?? 0), 0)])
  const span =
    totals.firstAt === null || totals.lastAt === null ? '' : ` from ${new Date(totals.firstAt).toISOString()} to ${new Date(totals.lastAt).toISOString()}`
  const sections = [
    style.bold(`faultline report: ${counts.errors} errors in ${counts.errors + counts.successes} responses${span}`),
    `${counts.successes} successes, ${counts.skipped} lines skipped; ${percent(totals.retryable, totals.errors)} of errors retryable (${totals.retryable})`,
    '',
    style.bold('Errors by kind and vendor'),
    formatTable(['kind', ...vendors.map((vendor) => printable(vendor)), 'total'], matrix, style),
    '',
    style.bold('Top reasons'),
    formatTable(['kind / reason', 'errors', 'share'], top(byLabel(totals.byKindReason, (kind, reason) => `${printable(kind)} / ${printable(reason)}`), 10).map(([reason, n]) => [reason, n, percent(n, totals.errors)]), style),
    '',
    style.bold('Unrecognized: codes the adapters do not know (vendor API drift)'),
    totals.distinctUnrecognizedCodes === 0
      ? style.dim('none')
      : formatTable(['vendor: code', 'errors'], top(byLabel(totals.unrecognizedCodes, (vendor, code) => `${printable(vendor)}: ${printable(code)}`), 20).map(([code, n]) => [code, n]), style),
    `${totals.unrecognizedBodies} errors carried no vendor code at all (proxy pages, empty bodies), decided by status.`,
  ]
  return sections.join('\n')
}
