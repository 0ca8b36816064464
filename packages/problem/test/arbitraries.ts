import { readResponse, type CanonicalError, type WireResponse } from '@faultline/core'
import { canonicalErrorArbitrary, extraMemberValue, headersInAnyForm, requestId, retryAfterValue, unrelatedHeaders } from '@faultline/testing'
import fc from 'fast-check'
import { problemAdapter } from '../src/adapter'
import { toProblemResponse } from '../src/encode'
import { problemTypeBase } from '../src/typeUri'

/** Canonical errors as adapters produce them: an invalid_request error's `param` is its first violation (§2). */
export const adapterShapedError: fc.Arbitrary<CanonicalError> = canonicalErrorArbitrary().map((error) =>
  error.kind === 'invalid_request' && error.param !== null && error.violations[0]?.path !== error.param
    ? { ...error, violations: [{ path: error.param, reason: error.reason, message: error.message, vendorCode: error.vendorCode }, ...error.violations] }
    : error,
)

/**
 * Responses in the problem adapter's normal form: exactly what its `encode` writes (law L1), of errors as adapters
 * produce them and of errors read from other servers' documents (written back with their foreign type and title).
 */
export const problemNormalFormResponse = ({ now }: ProblemWireOptions): fc.Arbitrary<WireResponse> =>
  fc.oneof(
    { weight: 2, arbitrary: adapterShapedError.map((error) => toProblemResponse(error)) },
    {
      weight: 1,
      arbitrary: problemWireResponse({ now })
        .map((wire) => problemAdapter.decode(readResponse(wire), { now }))
        .filter((error): error is CanonicalError => error !== null && !error.truncated)
        .map((error) => problemAdapter.encode(error)),
    },
  )

const text = fc.oneof(
  fc.constantFrom('You do not have enough credit.', 'Your current balance is 30, but that costs 50.', 'Not Found', 'One or more validation errors occurred.'),
  fc.string({ maxLength: 40 }),
)
const junk = fc.constantFrom<unknown>(null, 42, '', ['x'], { nested: true }, true, -0, 1.5)
/** A member that is usually valid, sometimes of the wrong type, sometimes absent (`undefined`, removed). */
const member = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: junk }, { weight: 2, arbitrary: fc.constant(undefined) })

const typeUri = fc.oneof(
  fc.constantFrom('about:blank', 'https://example.com/probs/out-of-credit', 'tag:example.com,2026:probs/x', '/relative/problem', ''),
  fc.constantFrom('authentication/invalid_credentials', 'rate_limited/throttled', 'not_found/gone', 'acme/made_up', 'timeout/Not-Snake', 'internal/custom_reason').map((path) => problemTypeBase + path),
  fc.webUrl(),
)

const violationElement: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ path: fc.stringMatching(/^[a-z]{1,6}(\.[a-z]{1,6})?$/), reason: fc.constantFrom('missing_field', 'invalid_field', 'Not Snake'), detail: text, code: fc.string({ maxLength: 8 }) }, { requiredKeys: [] }),
  fc.record({ pointer: fc.constantFrom('#/age', '/name/0', ''), detail: text }, { requiredKeys: ['detail'] }),
  fc.record({ name: fc.constantFrom('age', 'color'), reason: text }),
  fc.record({ propertyPath: fc.constantFrom('name', 'items[0].ean'), message: text, code: fc.uuid() }),
  junk,
)

const violationsMember = member(
  fc.oneof(
    fc.array(violationElement, { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('Name', '$.dob', 'gender'), fc.oneof(fc.array(text, { maxLength: 2 }), text, junk), { maxKeys: 3 }),
  ),
)

// Any names, names against RFC 9457 §3.2's advice, and names faultline writes escaped (or that only look so).
const extraName = fc.oneof(
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('x-trace-id', 'id', 'faultline_id', 'faultline_x_2D_y', 'faultline_code', 'faultline_type', 'faultline_instance', 'faultline_title', 'statusCode', 'error') },
)
const extras = fc.dictionary(extraName, extraMemberValue, { maxKeys: 3 })

const strip = (record: Record<string, unknown>) => {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key]
  return record
}

/** A problem document some server may send: any subset of members, of the right type or not, nested causes. */
const foreignDocument: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ doc: Record<string, unknown> }>((tie) => ({
  doc: fc
    .record({
      extras,
      type: member(typeUri),
      title: member(text),
      status: member(fc.oneof(fc.constantFrom(400, 403, 404, 409, 422, 429, 500, 503), fc.integer({ min: -5, max: 700 }))),
      detail: member(text),
      instance: member(fc.oneof(fc.constantFrom('/account/12345/msgs/abc', 'urn:faultline:request:req%20x', 'urn:faultline:request:%E0%A4%A', 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', ''), requestId)),
      message: member(fc.oneof(text, fc.array(text, { maxLength: 2 }))),
      vendor: member(fc.constantFrom('medable', 'acme', '')),
      vendorCode: member(fc.string({ maxLength: 10 })),
      reason: member(fc.constantFrom('throttled', 'free text reason')),
      retryable: member(fc.boolean()),
      retryAfter: member(fc.oneof(fc.nat({ max: 3600 }), fc.double({ min: -10, max: 1e6, noNaN: true }))),
      recognized: member(fc.boolean()),
      param: member(fc.constantFrom('dob', 'name.first')),
      truncated: member(fc.boolean()),
      errors: violationsMember,
      invalidParams: violationsMember,
      violations: violationsMember,
      causes: fc.oneof({ maxDepth: 2 }, fc.constant(undefined), fc.array(fc.oneof(tie('doc'), junk), { maxLength: 2 })),
    })
    .map(({ extras, invalidParams, ...members }) => strip({ ...extras, ...members, 'invalid-params': invalidParams })),
})).doc

/** Options of {@link problemWireResponse}. */
export interface ProblemWireOptions {
  readonly now: number
}

/**
 * Any response a problem+json server (or a proxy in front of it) may send: faultline's normal form, foreign
 * documents with members of every type, violations in every dialect, nested causes, documents as parsed JSON,
 * text or bytes, HTML and empty bodies, and headers in all three forms.
 */
export function problemWireResponse({ now }: ProblemWireOptions): fc.Arbitrary<{ status: number; headers: unknown; body: unknown }> {
  const document = fc.oneof({ weight: 3, arbitrary: adapterShapedError.map((error) => toProblemResponse(error).body as unknown) }, { weight: 4, arbitrary: foreignDocument })
  const body = fc.oneof(
    { weight: 6, arbitrary: document },
    { weight: 2, arbitrary: document.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: document.map((value) => new TextEncoder().encode(JSON.stringify(value))) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>('', '<html><body>502 Bad Gateway</body></html>', '{"type":', '{"data":[]}', undefined, null, [], 'plain text', ' upstream connect error or disconnect/reset before headers\n') },
  )
  const headers = fc
    .record({
      contentType: fc.option(fc.constantFrom('application/problem+json', 'application/problem+json; charset=utf-8', 'application/json', 'text/html', 'text/plain; charset=utf-8'), { nil: undefined }),
      retryAfter: fc.option(retryAfterValue(now), { nil: undefined }),
      date: fc.option(fc.integer({ min: -600, max: 600 }).map((s) => new Date(now + s * 1000).toUTCString()), { nil: undefined }),
      requestId: fc.option(requestId, { nil: undefined }),
      unrelated: unrelatedHeaders,
    })
    .chain(({ contentType, retryAfter, date, requestId, unrelated }) => {
      const record: Record<string, string> = { ...unrelated }
      if (contentType !== undefined) record['content-type'] = contentType
      if (retryAfter !== undefined) record['retry-after'] = retryAfter
      if (date !== undefined) record.date = date
      if (requestId !== undefined) record['x-request-id'] = requestId
      return headersInAnyForm(record)
    })
  const status = fc.oneof(fc.constantFrom(200, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504), fc.integer({ min: 100, max: 599 }))
  return fc.record({ status, headers, body })
}
