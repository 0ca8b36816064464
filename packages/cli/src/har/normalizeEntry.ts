import { isHttpStatus } from '@faultline/core'
import { normalizeError } from 'faultline'
import type { LineOutcome } from '../capture'
import { readHarEntry } from './entry'
import { networkFailure } from './netError'
import type { VendorMap } from './vendorMap'

/** Where an entry's vendor comes from: the map by host, else the default (`--vendor`). */
export interface VendorChoice {
  readonly vendorMap?: VendorMap | undefined
  readonly defaultVendor?: string | undefined
}

/** What became of one HAR entry: a capture line's outcome, or a host no vendor is known for (not normalized). */
export type HarOutcome = LineOutcome | { readonly type: 'unmapped'; readonly line: number; readonly host: string }

/**
 * One HAR entry's JSON text, numbered from 1, as the outcome a capture line of the same response has: the
 * same `normalizeError` call on the same status, headers, body and time, so counts, reports and alerts are
 * those of the same traffic captured as lines. A request that got no response is normalized as the network
 * failure it was (see {@link networkFailure}). An entry whose host the map does not name, with no default
 * vendor, is `unmapped`: counted by host, never guessed.
 */
export function normalizeHarEntry(number: number, text: string, choice: VendorChoice): HarOutcome {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { type: 'skipped', line: number, problem: 'not JSON' }
  }
  const entry = readHarEntry(value)
  if (entry.type === 'problem') return { type: 'skipped', line: number, problem: entry.problem }
  const vendor = (entry.url === undefined ? undefined : choice.vendorMap?.vendorOf(entry.url)) ?? choice.defaultVendor
  if (vendor === undefined) {
    return entry.url === undefined || entry.url.host === ''
      ? { type: 'skipped', line: number, problem: 'request.url has no host, and no --vendor was given' }
      : { type: 'unmapped', line: number, host: entry.url.host }
  }
  const at = entry.at
  const options = at === null ? {} : { now: at }
  if (entry.type === 'failure') {
    const error = normalizeError(vendor, networkFailure(entry.failure), options)
    // normalizeError answers null only for a success: a failure is never one.
    return error === null ? { type: 'skipped', line: number, problem: 'a failed request read as a success' } : { type: 'error', line: number, at, error }
  }
  if (!isHttpStatus(entry.status)) return { type: 'skipped', line: number, problem: 'status is not an HTTP status (100-599)' }
  const error = normalizeError(vendor, { status: entry.status, headers: entry.headers, body: entry.body }, options)
  return error === null ? { type: 'success', line: number, at, vendor } : { type: 'error', line: number, at, error }
}
