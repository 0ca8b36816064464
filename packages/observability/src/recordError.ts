import type { CanonicalError } from '@faultline/core'
import { errorAttributes as names, exceptionEventName, spanStatusError } from './attributes'
import { redact as defaultRedact, type Redactor } from './redaction'

/** Attribute values a span accepts. */
export type SpanAttributes = Record<string, string | number | boolean>

/**
 * The part of an OpenTelemetry `Span` (`@opentelemetry/api`) that `recordError` uses: any OTel span satisfies
 * it, so the package needs OTel only as an optional peer dependency.
 */
export interface ErrorSpan {
  setStatus(status: { code: number; message?: string }): unknown
  setAttributes(attributes: SpanAttributes): unknown
  addEvent(name: string, attributes?: SpanAttributes): unknown
}

/** Options of {@link recordError}. */
export interface RecordErrorOptions {
  /** What the message goes through before it is written to `exception.message` (default: `redact`). */
  readonly redact?: Redactor
}

/**
 * The span attributes of an error, after the semantic conventions: `error.type` is the kind (14 values, so a
 * bounded cardinality), `http.response.status_code` when there is a status; then `faultline.vendor`,
 * `faultline.kind`, `faultline.reason`, `faultline.vendor_code`, `faultline.request_id`, `faultline.retryable`
 * and `faultline.retry_after` (absent ones left out).
 */
export function errorSpanAttributes(error: CanonicalError): SpanAttributes {
  const attributes: SpanAttributes = {
    [names.errorType]: error.kind,
    [names.vendor]: error.vendor,
    [names.kind]: error.kind,
    [names.reason]: error.reason,
    [names.retryable]: error.retryable,
  }
  if (error.status !== null) attributes[names.httpResponseStatusCode] = error.status
  if (error.vendorCode !== null) attributes[names.vendorCode] = error.vendorCode
  if (error.requestId !== null) attributes[names.requestId] = error.requestId
  if (error.retryAfter !== null) attributes[names.retryAfter] = error.retryAfter
  return attributes
}

/**
 * Records a canonical error on a span: status ERROR (its description `kind/reason`, no vendor text), the
 * attributes of {@link errorSpanAttributes}, and an `exception` event with `exception.type`
 * (`faultline.<kind>`) and the redacted `exception.message`. No stack trace: there is none worth keeping.
 *
 * @example
 * const error = normalizeError('medblocks', response)
 * if (error !== null) recordError(trace.getActiveSpan()!, error)
 */
export function recordError(span: ErrorSpan, error: CanonicalError, options: RecordErrorOptions = {}): void {
  const redactText = options.redact ?? defaultRedact
  span.setAttributes(errorSpanAttributes(error))
  span.addEvent(exceptionEventName, {
    [names.exceptionType]: `faultline.${error.kind}`,
    [names.exceptionMessage]: redactText(error.message),
    [names.vendor]: error.vendor,
    [names.reason]: error.reason,
  })
  span.setStatus({ code: spanStatusError, message: `${error.kind}/${error.reason}` })
}
