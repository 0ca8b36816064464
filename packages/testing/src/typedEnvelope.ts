import type { Catalog, EnvelopeType, WireResponse } from '@faultline/core'
import fc from 'fast-check'
import { extraMemberValue, requestId, responseHeaders } from './headers'

/** What a typed-envelope vendor's arbitraries are built from. */
export interface TypedEnvelopeVendor {
  readonly catalog: Catalog
  readonly types: ReadonlyArray<EnvelopeType>
  /** Whether the vendor's normal form always writes `param` (Medblocks) or only when set (scribe). */
  readonly writesNullParam: boolean
}

const envelopeMembers = new Set(['type', 'code', 'message', 'param', 'doc_url', 'request_id'])

const statuses = fc.oneof(
  fc.constantFrom(400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503, 504),
  fc.integer({ min: 100, max: 599 }),
)

const message = fc.oneof(
  fc.constantFrom('API key invalid', 'name is required.', 'Too many requests.', 'Unexpected error.'),
  fc.string({ minLength: 1, maxLength: 60 }).filter((text) => text.trim().length > 0),
)

const snakeWord = fc.stringMatching(/^[a-z][a-z0-9]{0,10}(?:_[a-z0-9]{1,8}){0,3}$/)

const extraMembers = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !envelopeMembers.has(key)),
  extraMemberValue,
  { maxKeys: 3 },
)

const codeAndType = (vendor: TypedEnvelopeVendor) => {
  const documented = fc.constantFrom(...vendor.catalog.entries).map((entry) => ({ code: entry.code, type: entry.group }))
  const knownTypes = fc.constantFrom(...vendor.types.map((entry) => entry.type))
  return fc.oneof(
    { weight: 6, arbitrary: documented },
    { weight: 2, arbitrary: fc.record({ code: snakeWord, type: fc.option(knownTypes, { nil: undefined }) }) },
    { weight: 1, arbitrary: fc.record({ code: fc.option(snakeWord, { nil: undefined }), type: fc.option(snakeWord, { nil: undefined }) }) },
  )
}

/**
 * Responses in the vendor's normal form: exactly what its `encode` writes, so `encode(decode(w))` deep-equals
 * `w` (law L1). Headers are a lower-case record; `x-request-id` repeats the body's `request_id`.
 */
export function typedEnvelopeNormalFormResponse(vendor: TypedEnvelopeVendor): fc.Arbitrary<WireResponse> {
  return fc
    .record({
      status: statuses,
      codeAndType: codeAndType(vendor),
      message,
      param: vendor.writesNullParam ? fc.option(snakeWord, { nil: null }) : fc.option(snakeWord, { nil: undefined }),
      docUrl: fc.option(fc.webUrl(), { nil: undefined }),
      requestId: fc.option(requestId, { nil: undefined }),
      retryAfter: fc.option(fc.nat({ max: 86_400 }), { nil: undefined }),
      extras: extraMembers,
    })
    .map(({ status, codeAndType: { code, type }, message, param, docUrl, requestId, retryAfter, extras }) => {
      const error: Record<string, unknown> = { ...extras }
      if (type !== undefined) error.type = type
      if (code !== undefined) error.code = code
      error.message = message
      if (param !== undefined) error.param = param
      if (docUrl !== undefined) error.doc_url = docUrl
      if (requestId !== undefined) error.request_id = requestId
      const headers: Record<string, string> = {}
      if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter)
      if (requestId !== undefined) headers['x-request-id'] = requestId
      return { status, headers, body: { error } }
    })
}

/** Options of the wire-response arbitraries. */
export interface WireResponseOptions {
  /** The clock HTTP-date headers are generated around (pass the same `now` to `normalizeError`). */
  readonly now?: number
}

/**
 * Any response a typed-envelope vendor, or a proxy in front of it, may send: documented and unknown codes and
 * types, `param` present / absent / null, members of the wrong type, unknown extra members, the envelope as
 * parsed JSON, JSON text or bytes, HTML and empty bodies, 2xx answers with and without an envelope, and
 * headers (`Retry-After` in every form, `Date`, request ids) in all three accepted forms.
 */
export function typedEnvelopeWireResponse(
  vendor: TypedEnvelopeVendor,
  options: WireResponseOptions = {},
): fc.Arbitrary<{ status: number; headers: unknown; body: unknown }> {
  const now = options.now ?? Date.UTC(2026, 10, 23, 12, 0, 0)
  const member = (valid: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, 42, '', ['x'], { nested: true }) })
  const envelope = fc
    .record({ codeAndType: codeAndType(vendor), message: member(message), param: member(snakeWord), docUrl: member(fc.webUrl()), requestId: member(requestId), extras: extraMembers })
    .map(({ codeAndType: { code, type }, message, param, docUrl, requestId, extras }) => {
      const error: Record<string, unknown> = { ...extras, type, code, message, param, doc_url: docUrl, request_id: requestId }
      for (const key of Object.keys(error)) if (error[key] === undefined) delete error[key]
      return { error }
    })
  const body = fc.oneof(
    { weight: 6, arbitrary: envelope },
    { weight: 2, arbitrary: envelope.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: envelope.map((value) => new TextEncoder().encode(JSON.stringify(value))) },
    { weight: 1, arbitrary: fc.constantFrom('', '<html><body><h1>502 Bad Gateway</h1></body></html>', 'upstream connect error', '{"error":', '{"data":[]}', '{"error":"Unauthorized"}') },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, { data: { id: 'pat_1' } }, [], { error: [] }) },
  )
  const headers = responseHeaders(now, ['application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain'])
  return fc.record({ status: statuses, headers, body })
}
