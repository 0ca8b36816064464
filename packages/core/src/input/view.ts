import { readBody, type Body } from '../body'
import { noHeaders, readHeaders, type HeaderMap } from '../headers'
import { readOwnData } from '../json'
import { isHttpStatus } from '../statusFallback'
import type { ResponseSource } from './ResponseSource'

/**
 * A response as every adapter reads it, whatever form it reached faultline in: a status line, headers
 * looked up by lower-case name (read lazily), and the body classified once.
 */
export interface ResponseView {
  /** The status line when it is an integer from 100 to 599; `null` for a bare body or a nonsensical status. */
  readonly status: number | null
  readonly headers: HeaderMap
  readonly body: Body
}

/** The view of a response a reader found. Never throws: a member that cannot be read reads as absent. */
export function viewOf(source: ResponseSource): ResponseView {
  return responseView(source.status, source.headers, source.body)
}

/** The view of a response's three parts, as the client holds them. Never throws. */
export const responseView = (status: unknown, headers: unknown, body: unknown): ResponseView => viewWithHeaders(status, readHeaders(headers), body)

/** {@link responseView} over headers already read. Never throws. */
export function viewWithHeaders(status: unknown, headers: HeaderMap, bodyInput: unknown): ResponseView {
  // Only text and bytes are read by their content type: a parsed body skips the header lookup.
  const body = readBody(bodyInput, headers)
  return { status: isHttpStatus(status) ? status : null, headers, body }
}

/** The view of a bare vendor body (no status line, no headers): a thrown body, a body logged on its own. */
export const bodyView = (body: unknown): ResponseView => ({ status: null, headers: noHeaders, body: readBody(body, undefined) })

/**
 * The view of a response written as `{ status?, headers?, body? }` (what encoders write, what tests and adapter
 * authors hold), read from its own members: without a `status` the `body` is a bare body. Never throws.
 */
export function readResponse(input: ResponseInput): ResponseView {
  try {
    return responseView(readOwnData(input, 'status'), readOwnData(input, 'headers'), readOwnData(input, 'body'))
  } catch {
    return bodyView(undefined)
  }
}

/** A response written as an object literal: what {@link readResponse} reads. */
export interface ResponseInput {
  readonly status?: unknown
  readonly headers?: unknown
  readonly body?: unknown
}
