import { isHttpStatus, type CanonicalError, type NormalizeOptions } from '@faultline/core'
import { normalizeError } from 'faultline'
import type { NumberedLine } from './lines'

/** One captured response: a line of a capture file. */
export interface CapturedResponse {
  readonly vendor?: string
  /** When it happened: ms since the epoch, or an ISO 8601 date. */
  readonly at?: number | string
  readonly status: number
  readonly headers?: Readonly<Record<string, string | ReadonlyArray<string>>>
  /** The body as JSON, or as text. */
  readonly body?: unknown
}

/** What became of one line. */
export type LineOutcome =
  | { readonly type: 'error'; readonly line: number; readonly at: number | null; readonly error: CanonicalError }
  | { readonly type: 'success'; readonly line: number; readonly at: number | null; readonly vendor: string }
  | { readonly type: 'skipped'; readonly line: number; readonly problem: string }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function timeOf(at: unknown): number | null | undefined {
  if (at === undefined) return null
  // Beyond ±8.64e15 ms a Date is invalid: such a time could be neither printed nor compared.
  if (typeof at === 'number' && Number.isFinite(at) && Math.abs(at) <= 8.64e15) return at
  if (typeof at === 'string') {
    const ms = Date.parse(at)
    return Number.isFinite(ms) ? ms : undefined
  }
  return undefined
}

/**
 * Reads one capture line: a JSON object with a vendor (or the `--vendor` default), a real HTTP status, and
 * optional `at`, `headers` and `body`. A line that is not one is skipped with the reason, never guessed at.
 */
export function normalizeLine(line: NumberedLine, defaultVendor: string | undefined, options: NormalizeOptions = {}): LineOutcome {
  let value: unknown
  try {
    value = JSON.parse(line.text)
  } catch {
    return { type: 'skipped', line: line.number, problem: 'not JSON' }
  }
  if (!isRecord(value)) return { type: 'skipped', line: line.number, problem: 'not a JSON object' }
  const vendor = typeof value.vendor === 'string' && value.vendor.length > 0 ? value.vendor : defaultVendor
  if (vendor === undefined) return { type: 'skipped', line: line.number, problem: 'no vendor (give one per line, or --vendor)' }
  if (!isHttpStatus(value.status)) return { type: 'skipped', line: line.number, problem: 'status is not an HTTP status (100-599)' }
  const at = timeOf(value.at)
  if (at === undefined) return { type: 'skipped', line: line.number, problem: '"at" is neither ms since the epoch nor an ISO date' }
  const error = normalizeError(vendor, { status: value.status, headers: value.headers as never, body: value.body }, at === null ? options : { now: at })
  return error === null ? { type: 'success', line: line.number, at, vendor } : { type: 'error', line: line.number, at, error }
}
