import type { CanonicalError } from './CanonicalError'
import { canonicalError } from './build'
import { readOwnData } from './json'

/** System and library codes of failures where no HTTP response arrived, by transport reason. */
const reasonByCode: ReadonlyMap<string, string> = /*#__PURE__*/ new Map([
  ...['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].map(
    (code) => [code, 'connection_failed'] as const,
  ),
  ...['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA'].map((code) => [code, 'dns_failed'] as const),
  ...['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'].map(
    (code) => [code, 'timeout'] as const,
  ),
  ...['UND_ERR_ABORTED', 'ERR_CANCELED', 'ABORT_ERR'].map((code) => [code, 'aborted'] as const),
  ...['ERR_NETWORK', 'EPROTO', 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'].map(
    (code) => [code, 'network_error'] as const,
  ),
])

const tlsCode = /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_(?:GET|VERIFY)_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT)/

/** The transport reason a system or library error code names, if any. */
export function transportReasonOfCode(code: string): string | undefined {
  return reasonByCode.get(code) ?? (tlsCode.test(code) ? 'tls_failed' : code.startsWith('UND_ERR_') ? 'network_error' : undefined)
}

const ownString = (value: object, key: string): string | undefined => {
  const member = readOwnData(value, key)
  return typeof member === 'string' ? member : undefined
}

// `name` is read through the prototype on purpose: DOMException#name is a standard prototype getter (§7).
const nameOf = (value: object): unknown => (value as { name?: unknown }).name

// How far a `cause` chain is followed (Node's fetch nests two levels; a wrapping SDK may add a few).
const maxCauseDepth = 8

/**
 * Decodes a failure where no HTTP response arrived, from the value and its `cause` chain: a `TimeoutError`
 * anywhere in the chain (`AbortSignal.timeout`, whatever abort wraps it) is `timeout`; else the first known system
 * or library `code` decides; else an `AbortError` is `aborted`; else Node's `TypeError: fetch failed` is
 * `network_error`. `undefined` when the value is none of these. axios' `CanceledError` carries no cause: the
 * reason its request's signal was aborted with (`config.signal.reason`) counts as one. `arrived` is what came of
 * the response before the failure, if anything (see {@link transportError}).
 */
export function decodeTransportError(value: object, vendor: string, arrived?: Arrived): CanonicalError | undefined {
  let coded: { reason: string; code: string } | undefined
  let aborted = false
  if (nameOf(signalReasonOf(value) ?? {}) === 'TimeoutError') return transportError(vendor, 'timeout', undefined, arrived)
  let current: unknown = value
  for (let depth = 0; depth < maxCauseDepth && typeof current === 'object' && current !== null; depth++) {
    const name = nameOf(current)
    if (name === 'TimeoutError') return transportError(vendor, 'timeout', coded?.reason === 'timeout' ? coded.code : undefined, arrived)
    if (name === 'AbortError') aborted = true
    if (coded === undefined) {
      const code = ownString(current, 'code')
      const reason = code === undefined ? undefined : transportReasonOfCode(code)
      if (reason !== undefined) coded = { reason, code: code! }
    }
    current = readOwnData(current, 'cause')
  }
  if (coded !== undefined) return transportError(vendor, coded.reason, coded.code, arrived)
  if (aborted) return transportError(vendor, 'aborted', undefined, arrived)
  if (value instanceof TypeError && ownString(value, 'message') === 'fetch failed') {
    return transportError(vendor, 'network_error', undefined, arrived)
  }
  return undefined
}

/** What came of a response before its transport failed: the status line, and how many body bytes were read. */
export interface Arrived {
  readonly status: number | null
  readonly bytesRead?: number
}

// The reason an axios request's `AbortSignal` was aborted with: own `config`, its own `signal`, the signal's
// standard `reason` getter.
const signalReasonOf = (value: object): object | undefined => {
  const config = readOwnData(value, 'config')
  const signal = typeof config === 'object' && config !== null ? readOwnData(config, 'signal') : undefined
  if (typeof signal !== 'object' || signal === null) return undefined
  try {
    const reason = (signal as { reason?: unknown }).reason
    return typeof reason === 'object' && reason !== null ? reason : undefined
  } catch {
    return undefined
  }
}

/**
 * A `transport` error with the system code, if any, kept in `extensions.code` (contract §7), and what arrived
 * before the failure, if anything: the status line in `extensions.status` and the body bytes read in
 * `extensions.bytesRead` (a transport error has no status of its own).
 */
export function transportError(vendor: string, reason: string, code: string | undefined, arrived?: Arrived): CanonicalError {
  const extensions: Record<string, string | number> = {}
  if (code !== undefined) extensions.code = code
  if (arrived !== undefined && arrived.status !== null) extensions.status = arrived.status
  if (arrived?.bytesRead !== undefined) extensions.bytesRead = arrived.bytesRead
  return canonicalError({ kind: 'transport', reason, vendor, retryable: reason !== 'aborted', recognized: true, extensions })
}
