import type { CanonicalError, Json, JsonRecord, Kind } from '@faultline/core'
import { identifierBounds, safeIdentifier, safeKind, safeRequestId, safeUrl } from './identifiers'
import { redact as defaultRedact, type Redactor } from './redaction'
import { TextBudget, truncationMark } from './textBudget'

/** A violation in a log record: its path, reason and code through the identifier redactor, its message redacted. */
export interface LogViolation {
  readonly path: string | null
  readonly reason: string
  readonly vendorCode: string | null
  readonly message: string
}

/**
 * A canonical error made safe to log: status and retry data as they are; codes, paths, the vendor and the reason
 * through the identifier redactor; the request id only when it looks like one; the doc URL without query; free
 * text redacted; all of it within {@link logRecordBounds}.
 */
export interface ErrorLogRecord {
  readonly kind: Kind
  readonly reason: string
  readonly vendor: string
  readonly vendorCode: string | null
  readonly vendorType: string | null
  readonly status: number | null
  /** The request id, or `[redacted:id]` when it does not look like one (see `safeRequestId`). */
  readonly requestId: string | null
  /** Scheme, host and plain path segments only: no user info, query or fragment. */
  readonly docUrl: string | null
  readonly retryable: boolean
  readonly retryAfter: number | null
  readonly recognized: boolean
  /** The error's own flag: normalization cut the vendor's answer. */
  readonly truncated: boolean
  /** A field identifier, through the identifier redactor. */
  readonly param: string | null
  readonly message: string
  readonly detail: string | null
  /** The first violations, at most {@link logRecordBounds}.maxViolations, while the budget lasts. */
  readonly violations: ReadonlyArray<LogViolation>
  /** How many violations the error has. */
  readonly violationCount: number
  /** The first causes, at most {@link logRecordBounds}.maxCauses in the whole tree, while the budget lasts. */
  readonly causes: ReadonlyArray<ErrorLogRecord>
  /** How many causes the error has. */
  readonly causeCount: number
  /** Whether this record (or one of its causes) leaves out part of the error: a text cut, violations, causes or members left out. */
  readonly logTruncated: boolean
  /** Absent when `extensions: 'drop'`. */
  readonly extensions?: JsonRecord
}

/** Options of {@link toLogRecord}. */
export interface LogRecordOptions {
  /** What every free text goes through (default: {@link defaultRedact | redact}). */
  readonly redact?: Redactor
  /**
   * What codes, paths, `param`, the vendor, the reason, the keys of the vendor's members and the host and path
   * of `docUrl` go through (default: {@link defaultRedact | redact}, whatever `redact` is, so that `dropText`
   * keeps them readable).
   */
  readonly redactIdentifiers?: Redactor
  /**
   * The vendor's own members (free JSON): `redact` (default) keeps their shape, strings through `redact`, keys
   * through `redactIdentifiers`, numbers of six digits or more becoming a redaction mark; `drop` leaves them out.
   */
  readonly extensions?: 'redact' | 'drop'
}

/**
 * The bounds of one log record, whatever the error (a 1 MiB message, a million violations, a tree of 100,000
 * causes): its text (every string in it: fields, codes, keys) is at most `maxChars` characters plus one
 * {@link truncationMark} per text cut, and the redactors read about as much. A record's JSON stays under
 * 32 KiB. A cut text ends with the mark; `logTruncated` says something was cut or left out.
 */
export const logRecordBounds = {
  /** Characters of text in one record, causes and the vendor's members included (16,384). */
  maxChars: 16_384,
  /** Characters of one free text: a message, a detail, a violation's message, a string of the vendor's members (2,048). */
  maxTextChars: 2_048,
  /** Violations written per error (20); `violationCount` says how many there are. */
  maxViolations: 20,
  /** Causes written in the whole tree, depth first (20); `causeCount` says how many each error has. */
  maxCauses: 20,
  /** How deep the vendor's members are written (8): a deeper value becomes the mark. */
  maxExtensionDepth: 8,
} as const

interface Walk {
  readonly redactText: Redactor
  readonly redactIdentifiers: Redactor
  readonly extensions: 'redact' | 'drop'
  readonly budget: TextBudget
  causesLeft: number
}

// A number of 6+ integer digits may be a record number or a phone number: as data, it is not kept.
const isLongNumber = (value: number): boolean => Math.abs(Math.trunc(value)) >= 100_000

// Defined, not assigned: a key `__proto__` stays a key.
const define = (target: Record<string, Json>, key: string, value: Json): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function redactJson(value: Json, walk: Walk, depth: number): Json {
  const { budget } = walk
  if (typeof value === 'string') return budget.redacted(value, logRecordBounds.maxTextChars, walk.redactText)
  if (typeof value === 'number') {
    budget.charge(String(value).length)
    return isLongNumber(value) ? '[redacted:number]' : value
  }
  if (value === null || typeof value === 'boolean') {
    budget.charge(5)
    return value
  }
  if (depth >= logRecordBounds.maxExtensionDepth) {
    budget.leaveOut()
    budget.charge(truncationMark.length)
    return truncationMark
  }
  budget.charge(2)
  if (Array.isArray(value)) {
    const items = value as ReadonlyArray<Json>
    const out: Json[] = []
    for (let i = 0; i < items.length; i++) {
      if (!budget.available) {
        budget.leaveOut()
        out.push(truncationMark)
        break
      }
      out.push(redactJson(items[i]!, walk, depth + 1))
    }
    return out
  }
  const record = value as JsonRecord
  const keys = Object.keys(record)
  const out: Record<string, Json> = {}
  for (let i = 0; i < keys.length; i++) {
    if (!budget.available) {
      // How many members were left out, under the mark.
      budget.leaveOut()
      define(out, truncationMark, keys.length - i)
      break
    }
    const key = keys[i]!
    define(out, budget.safe(safeIdentifier(key, walk.redactIdentifiers), identifierBounds.maxChars), redactJson(record[key]!, walk, depth + 1))
  }
  return out
}

function record(error: CanonicalError, walk: Walk): ErrorLogRecord {
  const { budget } = walk
  const outerCut = budget.cut
  budget.cut = false
  const identifier = (value: string): string => budget.safe(safeIdentifier(value, walk.redactIdentifiers), identifierBounds.maxChars)
  const nullableIdentifier = (value: string | null): string | null => (value === null ? null : identifier(value))
  const text = (value: string): string => budget.redacted(value, logRecordBounds.maxTextChars, walk.redactText)

  const vendor = identifier(error.vendor)
  const reason = identifier(error.reason)
  const vendorCode = nullableIdentifier(error.vendorCode)
  const vendorType = nullableIdentifier(error.vendorType)
  const requestId = error.requestId === null ? null : budget.safe(safeRequestId(error.requestId), identifierBounds.maxRequestIdChars)
  const docUrl = error.docUrl === null ? null : budget.safe(safeUrl(error.docUrl, walk.redactIdentifiers), identifierBounds.maxChars)
  const param = nullableIdentifier(error.param)
  const message = text(error.message)
  const detail = error.detail === null ? null : text(error.detail)

  const violations: LogViolation[] = []
  const violationCount = error.violations.length
  for (let i = 0; i < violationCount && i < logRecordBounds.maxViolations && budget.available; i++) {
    const violation = error.violations[i]!
    violations.push({
      path: nullableIdentifier(violation.path),
      reason: identifier(violation.reason),
      vendorCode: nullableIdentifier(violation.vendorCode),
      message: text(violation.message),
    })
  }
  if (violations.length < violationCount) budget.leaveOut()

  const extensions = walk.extensions === 'drop' ? undefined : (redactJson(error.extensions, walk, 0) as JsonRecord)

  const causes: ErrorLogRecord[] = []
  const causeCount = error.causes.length
  for (let i = 0; i < causeCount && walk.causesLeft > 0 && budget.available; i++) {
    walk.causesLeft--
    causes.push(record(error.causes[i]!, walk))
  }
  if (causes.length < causeCount) budget.leaveOut()

  const logTruncated = budget.cut
  budget.cut = outerCut || logTruncated
  return {
    kind: safeKind(error.kind),
    reason,
    vendor,
    vendorCode,
    vendorType,
    status: error.status,
    requestId,
    docUrl,
    retryable: error.retryable,
    retryAfter: error.retryAfter,
    recognized: error.recognized,
    truncated: error.truncated,
    param,
    message,
    detail,
    violations,
    violationCount,
    causes,
    causeCount,
    logTruncated,
    ...(extensions === undefined ? {} : { extensions }),
  }
}

/**
 * A log-safe record of a canonical error (docs/security.md says field by field what reaches it): status and
 * retry data as they are; codes, paths, `param`, the vendor and the reason through the identifier redactor;
 * the request id only when it looks like one; `docUrl` without user info, query or fragment; every free text
 * (message, detail, violation messages, the same in `causes`, strings of the vendor's own members) through a
 * redactor; the whole within {@link logRecordBounds} (16,384 characters of text, 20 violations per error, 20
 * causes), so that it takes linear time however large the error. Pure.
 *
 * @example
 * logger.warn(toLogRecord(error), 'vendor call failed')
 * logger.warn(toLogRecord(error, { redact: dropText, extensions: 'drop' }))   // no free text at all
 */
export function toLogRecord(error: CanonicalError, options: LogRecordOptions = {}): ErrorLogRecord {
  const walk: Walk = {
    redactText: options.redact ?? defaultRedact,
    redactIdentifiers: options.redactIdentifiers ?? defaultRedact,
    extensions: options.extensions ?? 'redact',
    budget: new TextBudget(logRecordBounds.maxChars),
    causesLeft: logRecordBounds.maxCauses,
  }
  return record(error, walk)
}
