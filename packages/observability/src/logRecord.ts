import type { CanonicalError, Json, JsonRecord, Kind } from '@faultline/core'
import { redact as defaultRedact, type Redactor } from './redaction'

/** A violation in a log record: its path, reason and code as they are, its message redacted. */
export interface LogViolation {
  readonly path: string | null
  readonly reason: string
  readonly vendorCode: string | null
  readonly message: string
}

/** A canonical error made safe to log: codes, ids, status, retry data and paths kept; free text redacted. */
export interface ErrorLogRecord {
  readonly kind: Kind
  readonly reason: string
  readonly vendor: string
  readonly vendorCode: string | null
  readonly vendorType: string | null
  readonly status: number | null
  readonly requestId: string | null
  readonly docUrl: string | null
  readonly retryable: boolean
  readonly retryAfter: number | null
  readonly recognized: boolean
  readonly truncated: boolean
  /** A field identifier, not data: kept. */
  readonly param: string | null
  readonly message: string
  readonly detail: string | null
  readonly violations: ReadonlyArray<LogViolation>
  readonly causes: ReadonlyArray<ErrorLogRecord>
  /** Absent when `extensions: 'drop'`. */
  readonly extensions?: JsonRecord
}

/** Options of {@link toLogRecord}. */
export interface LogRecordOptions {
  /** What every free text goes through (default: {@link defaultRedact | redact}). */
  readonly redact?: Redactor
  /**
   * The vendor's own members (free JSON): `redact` (default) keeps their shape and passes every string and key
   * through the redactor, numbers of six digits or more becoming a redaction mark; `drop` leaves them out.
   */
  readonly extensions?: 'redact' | 'drop'
}

// A number of 6+ integer digits may be a record number or a phone number: as data, it is not kept.
const isLongNumber = (value: number): boolean => Math.abs(Math.trunc(value)) >= 100_000

function redactJson(value: Json, redactText: Redactor): Json {
  if (typeof value === 'string') return redactText(value)
  if (typeof value === 'number') return isLongNumber(value) ? '[redacted:number]' : value
  if (value === null || typeof value === 'boolean') return value
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redactText))
  const out: Record<string, Json> = {}
  for (const [key, member] of Object.entries(value as JsonRecord)) {
    Object.defineProperty(out, redactText(key), { value: redactJson(member, redactText), enumerable: true, writable: true, configurable: true })
  }
  return out
}

function record(error: CanonicalError, redactText: Redactor, extensions: 'redact' | 'drop'): ErrorLogRecord {
  return {
    kind: error.kind,
    reason: error.reason,
    vendor: error.vendor,
    vendorCode: error.vendorCode,
    vendorType: error.vendorType,
    status: error.status,
    requestId: error.requestId,
    docUrl: error.docUrl,
    retryable: error.retryable,
    retryAfter: error.retryAfter,
    recognized: error.recognized,
    truncated: error.truncated,
    param: error.param,
    message: redactText(error.message),
    detail: error.detail === null ? null : redactText(error.detail),
    violations: error.violations.map((violation) => ({
      path: violation.path,
      reason: violation.reason,
      vendorCode: violation.vendorCode,
      message: redactText(violation.message),
    })),
    causes: error.causes.map((cause) => record(cause, redactText, extensions)),
    ...(extensions === 'drop' ? {} : { extensions: redactJson(error.extensions, redactText) as JsonRecord }),
  }
}

/**
 * A log-safe record of a canonical error: codes, ids, status, retry data, `param` and violation paths (field
 * identifiers, not data) as they are; every free text (message, detail, violation messages, the same in
 * `causes`, and strings and keys of the vendor's own members) through a redactor. Pure.
 *
 * @example
 * logger.warn(toLogRecord(error), 'vendor call failed')
 * logger.warn(toLogRecord(error, { redact: dropText, extensions: 'drop' }))   // the strictest form
 */
export function toLogRecord(error: CanonicalError, options: LogRecordOptions = {}): ErrorLogRecord {
  return record(error, options.redact ?? defaultRedact, options.extensions ?? 'redact')
}
