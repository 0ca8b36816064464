import type { Kind } from './kinds'

/** What an HTTP status alone says of an error. */
export interface StatusMeaning {
  readonly kind: Kind
  readonly reason: string
}

/** Statuses that name a reason of their own (contract §7); every other status falls back by class. */
const statusTable: ReadonlyMap<number, StatusMeaning> = /*#__PURE__*/ new Map<number, StatusMeaning>([
  [401, { kind: 'authentication', reason: 'unrecognized' }],
  [403, { kind: 'permission', reason: 'unrecognized' }],
  [404, { kind: 'not_found', reason: 'unrecognized' }],
  [405, { kind: 'invalid_request', reason: 'method_not_allowed' }],
  [408, { kind: 'timeout', reason: 'timeout' }],
  [409, { kind: 'conflict', reason: 'unrecognized' }],
  [410, { kind: 'not_found', reason: 'gone' }],
  [413, { kind: 'invalid_request', reason: 'payload_too_large' }],
  [415, { kind: 'invalid_request', reason: 'unsupported_media_type' }],
  [429, { kind: 'rate_limited', reason: 'throttled' }],
  [501, { kind: 'internal', reason: 'not_implemented' }],
  [502, { kind: 'unavailable', reason: 'bad_gateway' }],
  [503, { kind: 'unavailable', reason: 'service_unavailable' }],
  [504, { kind: 'timeout', reason: 'gateway_timeout' }],
])

const otherClientError: StatusMeaning = { kind: 'invalid_request', reason: 'unrecognized' }
const otherServerError: StatusMeaning = { kind: 'internal', reason: 'unrecognized' }
const noMeaning: StatusMeaning = { kind: 'unknown', reason: 'unrecognized' }

/**
 * Contract §3 rule 3, the last resort of every adapter: 401 authentication; 403 permission; 404, 410
 * not_found; 409 conflict; 429 rate_limited; 408, 504 timeout; 502, 503 unavailable; other 4xx
 * invalid_request; other 5xx internal; anything else (2xx, 3xx, no status) unknown.
 */
export function kindForStatus(status: number | null): StatusMeaning {
  if (status === null) return noMeaning
  const named = statusTable.get(status)
  if (named !== undefined) return named
  if (status >= 400 && status < 500) return otherClientError
  if (status >= 500 && status < 600) return otherServerError
  return noMeaning
}

/** Whether `value` is an HTTP status a response can state: an integer from 100 to 599. */
export const isHttpStatus = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599

/** The error status of §4: the status line, unless it is 2xx/3xx and the error states its own. */
export function errorStatus(statusLine: number | null, statedByError: unknown): number | null {
  const stated = isHttpStatus(statedByError) ? statedByError : null
  if (statusLine === null) return stated
  if (statusLine >= 400) return statusLine
  return stated ?? statusLine
}
