import type { WireResponse } from '@faultline/core'
import { medipimCatalog, medipimEnvelopeMembers } from '@faultline/medipim'
import fc from 'fast-check'
import { extraMemberValue, headersInAnyForm, requestId, retryAfterValue, unrelatedHeaders } from './headers'
import type { WireResponseOptions } from './typedEnvelope'

// The members of Medipim's `error` that the adapter reads; extra members never take these names.
const envelopeMembers = medipimEnvelopeMembers

const statuses = fc.oneof(
  fc.constantFrom(400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503, 504),
  fc.integer({ min: 100, max: 599 }),
)

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(?:_[a-z0-9]{1,8}){0,3}$/)

const message = fc.oneof(
  fc.constantFrom('The API key you provided does not exist.', 'This value should not be blank.', 'Method GET is not allowed. Allowed: POST.', 'Too many requests.'),
  fc.string({ minLength: 1, maxLength: 60 }).filter((text) => text.trim().length > 0),
)

/** A Medipim code: documented (with its documented status), unknown in a known namespace, unknown dotted, unknown flat. */
const codeAndStatus: fc.Arbitrary<{ code: string; status: number | undefined }> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...medipimCatalog.entries).map((entry) => ({ code: entry.code, status: entry.status ?? undefined })) },
  { weight: 2, arbitrary: word.map((name) => ({ code: `authentication.${name}`, status: 401 as number | undefined })) },
  { weight: 1, arbitrary: fc.tuple(word, word).map(([namespace, name]) => ({ code: `${namespace}.${name}`, status: undefined })) },
  { weight: 1, arbitrary: word.map((code) => ({ code, status: undefined })) },
)

const violationCode = fc.oneof(
  fc.constantFrom(
    'c1051bb4-d103-4f74-8988-acbcafc7fdc3', // Symfony NotBlank
    'ad32d13f-c3d4-423b-909a-857b961eb720', // Symfony NotNull
    'bef8e338-6ae5-4caf-b8e2-50e7b0579e69', // Symfony Count::TOO_FEW_ERROR
    'required',
    'missing',
    'IS_BLANK_ERROR',
    'too_long',
    'invalid_ean',
  ),
  fc.uuid(),
  word,
)

const allowValue = fc.constantFrom('GET', 'GET, POST', 'POST', 'GET, HEAD, OPTIONS', '')

const propertyPath = fc.stringMatching(/^[a-z]{1,8}(?:(?:\.[a-z]{1,8})|(?:\[\d\])){0,2}$/)

/** A violation element as the normal form writes it: `{ propertyPath?, message, code? }`. */
const normalViolation = fc
  .record({ propertyPath, message: fc.string({ maxLength: 40 }), code: violationCode }, { requiredKeys: ['message'] })
  .map(({ propertyPath, message, code }) => ({
    ...(propertyPath === undefined ? {} : { propertyPath }),
    message,
    ...(code === undefined ? {} : { code }),
  }))

/** Any violation element: `propertyPath` or `path`, members missing or of the wrong type, and non-object elements. */
const anyViolation: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: normalViolation },
  {
    weight: 3,
    arbitrary: fc
      .record({ path: propertyPath, message: fc.oneof(message, fc.constantFrom(42, null)), code: fc.oneof(violationCode, fc.constant(7)), hint: word }, { requiredKeys: [] })
      .map((element) => ({ ...element })),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('name: This value should not be blank.', 42, null, ['x'], { propertyPath: 5 }) },
)

/** Unknown extra members of `error`, including names a parser must not trip on. */
const extraMembers = (avoid: ReadonlySet<string>) =>
  fc
    .dictionary(
      fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'request_id', 'allow', 'details')),
      extraMemberValue,
      { maxKeys: 3 },
    )
    .map((extras) => {
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(extras)) {
        if (avoid.has(key)) continue
        Object.defineProperty(out, key, { value: extras[key], enumerable: true, writable: true, configurable: true })
      }
      return out
    })

/**
 * Medipim responses in the adapter's normal form: exactly what `medipimAdapter.encode` writes, so
 * `encode(decode(w))` deep-equals `w` (law L1). Status 100-599 (the documented one for a documented code),
 * `{"error":{...}}` with `status` equal to the status line, any code, a non-blank message, violations inside
 * `error` with `propertyPath`, unknown extra members; lower-case headers `retry-after`, `x-request-id`, and
 * `allow` on a 405.
 *
 * @example
 * fc.assert(fc.property(medipimNormalFormResponse(), (w) => {
 *   expect(medipimAdapter.encode(medipimAdapter.decode(readResponse(w))!)).toEqual(w)
 * }))
 */
export function medipimNormalFormResponse(): fc.Arbitrary<WireResponse> {
  return fc
    .record({
      codeAndStatus: fc.option(codeAndStatus, { nil: undefined }),
      status: statuses,
      message,
      violations: fc.option(fc.array(normalViolation, { minLength: 1, maxLength: 4 }), { nil: undefined }),
      extras: extraMembers(new Set([...envelopeMembers, 'allow', '__proto__'])),
      retryAfter: fc.option(fc.nat({ max: 86_400 }), { nil: undefined }),
      requestId: fc.option(requestId, { nil: undefined }),
      allow: fc.option(allowValue, { nil: undefined }),
    })
    .map(({ codeAndStatus, status: anyStatus, message, violations, extras, retryAfter, requestId, allow }) => {
      const status = codeAndStatus?.status ?? anyStatus
      const error: Record<string, unknown> = { ...extras, status }
      if (codeAndStatus !== undefined) error.code = codeAndStatus.code
      error.message = message
      if (violations !== undefined) error.violations = violations
      const headers: Record<string, string> = {}
      if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter)
      if (requestId !== undefined) headers['x-request-id'] = requestId
      if (allow !== undefined && status === 405) headers.allow = allow
      return { status, headers, body: { error } }
    })
}

/** A value that is present, absent (`undefined`, left out) or of the wrong type. */
const member = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, 42, '', '   ', ['x'], { nested: true }) })

const withoutUndefined = (record: Record<string, unknown>): Record<string, unknown> => {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key]
  return record
}

/** An envelope `{"error":{...}}`, its violations inside `error`, at the top level, or both; with its documented status. */
const envelope = fc
  .record({
    codeAndStatus: fc.oneof({ weight: 9, arbitrary: codeAndStatus }, { weight: 1, arbitrary: fc.constant({ code: undefined as unknown, status: undefined }) }),
    statedStatus: fc.oneof(
      { weight: 6, arbitrary: fc.constant('documented' as const) },
      { weight: 2, arbitrary: fc.integer({ min: 100, max: 599 }) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, '401', 999, 401.5, null) },
    ),
    message: member(message),
    violations: fc.array(anyViolation, { maxLength: 4 }),
    placement: fc.constantFrom('none', 'none', 'error', 'error', 'top', 'both'),
    extras: extraMembers(envelopeMembers),
  })
  .map(({ codeAndStatus, statedStatus, message, violations, placement, extras }) => {
    const status = statedStatus === 'documented' ? codeAndStatus.status : statedStatus
    const error = withoutUndefined({ ...extras, status, code: codeAndStatus.code, message })
    if (placement === 'error' || placement === 'both') error.violations = violations
    const value: Record<string, unknown> = { error }
    if (placement === 'top' || placement === 'both') value.violations = [...violations].reverse()
    return { value, documentedStatus: codeAndStatus.status }
  })

const product = fc.record({ id: fc.nat(), name: fc.string({ maxLength: 20 }), ean: fc.stringMatching(/^\d{13}$/) })

/** A JSON stream (one JSON value per line) of products, with or without an `{"error":{...}}` line in the middle or at the end. */
const jsonStream = fc
  .record({
    products: fc.array(product, { maxLength: 5 }),
    error: fc.option(envelope, { nil: undefined }),
    at: fc.nat(),
    trailingNewline: fc.boolean(),
  })
  .map(({ products, error, at, trailingNewline }) => {
    const lines = products.map((item) => JSON.stringify(item))
    if (error !== undefined) lines.splice(at % (lines.length + 1), 0, JSON.stringify(error.value))
    return lines.join('\n') + (trailingNewline ? '\n' : '')
  })

const proxyBodies = fc.constantFrom<unknown>(
  '',
  undefined,
  null,
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  'upstream connect error',
  '{"error":',
  '{"error":"Unauthorized"}',
  { data: [] },
  [],
  { error: [] },
  { violations: [{ propertyPath: 'name', message: 'This value should not be blank.' }] },
)

type Shape = { status: number; contentType: string | undefined; body: unknown }

const encodings = (value: unknown): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(value) },
    { weight: 2, arbitrary: fc.constant(JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constant(null).map(() => new TextEncoder().encode(JSON.stringify(value))) },
  )

const shapes: fc.Arbitrary<Shape> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(envelope, fc.option(statuses, { nil: undefined }), fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8'))
      .chain(([{ value, documentedStatus }, other, contentType]) =>
        encodings(value).map((body) => ({ status: other ?? documentedStatus ?? 500, contentType, body })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(envelope, fc.constantFrom(200, 201, 204)).map(([{ value }, status]) => ({ status, contentType: 'application/json', body: value })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(jsonStream, fc.constantFrom(200, 200, 200, 206, 500), fc.boolean()).map(([text, status, bytes]) => ({
      status,
      contentType: 'application/x-json-stream',
      body: bytes ? new TextEncoder().encode(text) : text,
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(proxyBodies, statuses, fc.constantFrom(undefined, 'text/html', 'text/plain', 'application/json')).map(([body, status, contentType]) => ({
      status,
      contentType,
      body,
    })),
  },
)

/**
 * Any response the Medipim API (or a proxy in front of it) may send: documented codes, unknown dotted codes
 * (in the `authentication` namespace and in unknown ones) and flat codes, `error.status` equal to, different
 * from or missing beside the status line, messages missing or of the wrong type, violations with
 * `propertyPath` or `path` inside `error` or at the top level (and non-object elements), unknown extra members
 * (`__proto__` included), the envelope as parsed JSON, JSON text or UTF-8 bytes, envelopes in 2xx JSON bodies,
 * `application/x-json-stream` bodies with an error line in the middle or at the end of a 200 stream (or none),
 * HTML, plain-text and empty bodies; headers (`Retry-After` in every form, `Date`, request ids, `Allow`,
 * content types) as a plain record, an iterable of pairs or a WHATWG `Headers`.
 *
 * @example
 * fc.assert(fc.property(medipimWireResponse(), (response) => {
 *   const error = normalizeError('medipim', response)
 *   return error === null || CanonicalError.is(error)
 * }))
 */
export function medipimWireResponse(options: WireResponseOptions = {}): fc.Arbitrary<{ status: number; headers: unknown; body: unknown }> {
  const now = options.now ?? Date.UTC(2026, 10, 23, 12, 0, 0)
  return shapes.chain(({ status, contentType, body }) =>
    fc
      .record({
        retryAfter: fc.option(retryAfterValue(now), { nil: undefined }),
        date: fc.option(fc.integer({ min: -600, max: 600 }).map((s) => new Date(now + s * 1000).toUTCString()), { nil: undefined }),
        requestId: fc.option(requestId, { nil: undefined }),
        requestIdName: fc.constantFrom('x-request-id', 'request-id'),
        allow: status === 405 ? fc.option(allowValue, { nil: undefined }) : fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: allowValue }),
        unrelated: unrelatedHeaders,
      })
      .chain(({ retryAfter, date, requestId, requestIdName, allow, unrelated }) => {
        const record: Record<string, string> = { ...unrelated }
        if (retryAfter !== undefined) record['retry-after'] = retryAfter
        if (date !== undefined) record.date = date
        if (requestId !== undefined) record[requestIdName] = requestId
        if (allow !== undefined) record.allow = allow
        if (contentType !== undefined) record['content-type'] = contentType
        return headersInAnyForm(record)
      })
      .map((headers) => ({ status, headers, body })),
  )
}
