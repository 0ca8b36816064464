/**
 * The span attribute names `recordError` writes: the OpenTelemetry semantic conventions' own (stable) names,
 * and faultline's under the `faultline.` namespace. Kept here as strings so that the package needs no runtime
 * dependency; a test checks them against `@opentelemetry/semantic-conventions`.
 */
export const errorAttributes = {
  errorType: 'error.type',
  httpResponseStatusCode: 'http.response.status_code',
  // `http.response.header.<key>`: the semantic conventions' attribute of one response header, a string array.
  httpResponseRequestId: 'http.response.header.x-request-id',
  exceptionType: 'exception.type',
  exceptionMessage: 'exception.message',
  vendor: 'faultline.vendor',
  kind: 'faultline.kind',
  reason: 'faultline.reason',
  vendorCode: 'faultline.vendor_code',
  status: 'faultline.status',
  retryable: 'faultline.retryable',
  retryAfter: 'faultline.retry_after',
} as const

/** The name of the span event of an exception (semantic conventions). */
export const exceptionEventName = 'exception'

/** `SpanStatusCode.ERROR` of `@opentelemetry/api`. */
export const spanStatusError = 2
