import type { CanonicalError } from '@faultline/core'
import { errorAttributes as names, exceptionEventName, spanStatusError } from './attributes'
import { safeIdentifier, safeKind, safeRequestId } from './identifiers'
import { logRecordBounds } from './logRecord'
import { redact as defaultRedact, type Redactor } from './redaction'
import { redactWithin } from './textBudget'

/** Attribute values a span accepts. */
export type SpanAttributes = Record<string, string | number | boolean | string[]>

/**
 * The part of an OpenTelemetry `Span` (`@opentelemetry/api`) that `recordError` uses: any OTel span satisfies
 * it, so the package needs OTel only as an optional peer dependency.
 */
export interface ErrorSpan {
  setStatus(status: { code: number; message?: string }): unknown
  setAttributes(attributes: SpanAttributes): unknown
  addEvent(name: string, attributes?: SpanAttributes): unknown
}

/** Options of {@link recordError} and {@link errorSpanAttributes}. */
export interface RecordErrorOptions {
  /** What the message goes through before it is written to `exception.message` (default: `redact`). */
  readonly redact?: Redactor
  /** What the vendor, the reason and the vendor code go through (default: `redact`, whatever `redact` is). */
  readonly redactIdentifiers?: Redactor
  /**
   * The response's status line, written as `http.response.status_code` (the HTTP instrumentation usually writes it
   * already). The error's own status is `faultline.status`: inside a 200 stream that failed, it is the error line's.
   */
  readonly statusLine?: number
  /**
   * Whether to add an `exception` event (default `false`): the semantic conventions deprecate recording exceptions
   * that were handled, which a normalized error is.
   */
  readonly recordException?: boolean
}

// What is not a failure of the call: a `pending` outcome (Medable's 202 `kMediaNotReady`) asks to come back later.
const isFailure = (kind: string): boolean => kind !== 'pending'

/**
 * The span attributes of an error, after the semantic conventions (1.x): `error.type` is the kind (14 values, so a
 * bounded cardinality) for an outcome that is a failure (not for `pending`); `http.response.status_code` only
 * when the caller gives the status line (`statusLine`); the request id as `http.response.header.x-request-id`;
 * then `faultline.vendor`, `faultline.kind`, `faultline.reason`, `faultline.status`, `faultline.vendor_code`,
 * `faultline.retryable` and `faultline.retry_after` (absent ones left out). The vendor, the reason and the vendor
 * code go through the identifier redactor (256 characters at most); the request id is kept only when it looks
 * like one (`[redacted:id]` else), as in {@link toLogRecord}.
 */
export function errorSpanAttributes(error: CanonicalError, options: RecordErrorOptions = {}): SpanAttributes {
  const redactIdentifiers = options.redactIdentifiers ?? defaultRedact
  const kind = safeKind(error.kind)
  const attributes: SpanAttributes = {}
  if (isFailure(kind)) attributes[names.errorType] = kind
  attributes[names.vendor] = safeIdentifier(error.vendor, redactIdentifiers)
  attributes[names.kind] = kind
  attributes[names.reason] = safeIdentifier(error.reason, redactIdentifiers)
  attributes[names.retryable] = error.retryable
  if (options.statusLine !== undefined) attributes[names.httpResponseStatusCode] = options.statusLine
  if (error.status !== null) attributes[names.status] = error.status
  if (error.vendorCode !== null) attributes[names.vendorCode] = safeIdentifier(error.vendorCode, redactIdentifiers)
  if (error.requestId !== null) attributes[names.httpResponseRequestId] = [safeRequestId(error.requestId)]
  if (error.retryAfter !== null) attributes[names.retryAfter] = error.retryAfter
  return attributes
}

/**
 * Records a canonical error on a span: the attributes of {@link errorSpanAttributes}; status ERROR (its
 * description `kind/reason`, no vendor text) for an outcome that is a failure (a `pending` one leaves the status
 * alone); and, only when asked (`recordException`), an `exception` event with `exception.type`
 * (`faultline.<kind>`) and the redacted `exception.message` (at most 2,048 characters, cut before redaction, so
 * linear in time whatever the message). No stack trace: there is none worth keeping.
 *
 * @example
 * const error = normalizeError('medblocks', response)
 * if (error !== null) recordError(trace.getActiveSpan()!, error)
 */
export function recordError(span: ErrorSpan, error: CanonicalError, options: RecordErrorOptions = {}): void {
  const attributes = errorSpanAttributes(error, options)
  const kind = attributes[names.kind] as string
  const reason = attributes[names.reason] as string
  span.setAttributes(attributes)
  if (options.recordException === true) {
    span.addEvent(exceptionEventName, {
      [names.exceptionType]: `faultline.${kind}`,
      [names.exceptionMessage]: redactWithin(error.message, logRecordBounds.maxTextChars, options.redact ?? defaultRedact).text,
      [names.vendor]: attributes[names.vendor] as string,
      [names.reason]: reason,
    })
  }
  if (isFailure(kind)) span.setStatus({ code: spanStatusError, message: `${kind}/${reason}` })
}
