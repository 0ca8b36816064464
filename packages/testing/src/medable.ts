import type { WireResponse } from '@faultline/core'
import { errCodeCategories, medableCatalog } from '@faultline/medable'
import fc from 'fast-check'
import { extraMemberValue, requestId, responseHeaders } from './headers'

/** A Medable fault as JSON data: `object: "fault"` and any of its members. */
export type MedableFaultBody = Record<string, unknown>

/** Options of the Medable fault arbitraries. */
export interface MedableFaultOptions {
  /** How deep `faults` may nest below the fault (default 3). */
  readonly maxDepth?: number
  /** How many child faults one fault may have (default 3). */
  readonly maxChildren?: number
}

// Members the adapter maps to canonical fields; generated extra members never use these names.
const faultMembers = new Set(['object', 'name', 'code', 'status', 'message', 'reason', 'path', 'faults', 'errCode', 'trace', 'resource', 'index'])

const documentedCode = fc.constantFrom(...medableCatalog.entries.map((entry) => entry.code))
const unknownCode = fc.oneof(fc.constantFrom('kInvalidString', 'kInvalidInstance', 'kLegacyFault'), fc.stringMatching(/^k[A-Z][A-Za-z]{2,16}$/))
const categories = [...errCodeCategories.keys()]
const namespace = fc.constantFrom('cortex', 'mdctl', 'axon')
const detail = fc.constantFrom('unspecified', 'required', 'object', 'instance', 'locationAccessRevoked', 'property')

/** errCodes whose category is in Medable's table (`cortex.validation.required`). */
const knownErrCode = fc.tuple(namespace, fc.constantFrom(...categories), detail).map((parts) => parts.join('.'))
/** errCodes whose category is not (`cortex.success.newLocation`, `x.y.z`, or no dot at all). */
const unknownErrCode = fc.oneof(
  fc.constantFrom('cortex.success.newLocation', 'cortex.accepted.mediaNotReady', 'unspecified', 'cortex.constructor.x'),
  fc.tuple(namespace, fc.stringMatching(/^[a-z][A-Za-z]{2,10}$/), detail).filter(([, category]) => !errCodeCategories.has(category)).map((parts) => parts.join('.')),
)
const errCode = fc.oneof(knownErrCode, unknownErrCode)

const httpStatus = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(200, 202, 400, 401, 403, 404, 408, 409, 410, 413, 415, 429, 500, 501, 503) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 599 }) },
)
const vendorName = fc.oneof(fc.constantFrom('validation', 'error', 'fault', 'session', 'location', 'db'), fc.string({ maxLength: 12 }))
const text = fc.oneof(
  fc.constantFrom('Please enter a value', 'Required property', 'One of: m, f', 'Invalid Argument', 'Your session has expired.'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim().length > 0),
)
const path = fc.stringMatching(/^[a-z][a-zA-Z]{0,8}(?:\.[a-z][a-zA-Z]{0,8}){0,2}$/)
const extras = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !faultMembers.has(key)),
  extraMemberValue,
  { maxKeys: 2 },
)
const extensionMembers = fc.record(
  { errCode, trace: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }), resource: fc.string({ maxLength: 20 }), index: fc.nat({ max: 50 }) },
  { requiredKeys: [] },
)

const withoutUndefined = (fault: MedableFaultBody): MedableFaultBody => {
  for (const key of Object.keys(fault)) if (fault[key] === undefined) delete fault[key]
  return fault
}

// A member as a real fault may carry it, or (rarely) absent, null or of the wrong type.
const member = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(null, 42, '', '   ', ['x'], { nested: true }) },
  )

/** One fault without children, members in any state (documented, unknown, absent, wrong type). */
const looseFault: fc.Arbitrary<MedableFaultBody> = fc
  .record({
    name: member(vendorName),
    code: fc.oneof({ weight: 5, arbitrary: documentedCode }, { weight: 2, arbitrary: unknownCode }, { weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('', 7) }),
    status: member(fc.oneof({ weight: 5, arbitrary: httpStatus }, { weight: 1, arbitrary: fc.constantFrom(0, 999, 400.5, '400') })),
    message: member(text),
    reason: member(text),
    path: member(path),
    extensions: extensionMembers,
    extras,
  })
  .map(({ extensions, extras, ...members }) => withoutUndefined({ ...extras, object: 'fault', ...members, ...extensions }))

/**
 * Any fault Medable may send, as a tree: documented and unknown codes, `errCode` with known and unknown
 * categories (and errCode-only faults), optional members present, absent or of the wrong type, `trace`,
 * `resource`, `index` and unknown extra members, and child faults nested through `faults` (built with
 * `fc.letrec`), sometimes mixed with junk elements.
 *
 * @example
 * fc.assert(fc.property(medableFault(), (fault) => normalizeError('medable', fault) !== null))
 */
export function medableFault(options: MedableFaultOptions = {}): fc.Arbitrary<MedableFaultBody> {
  const maxDepth = options.maxDepth ?? 3
  const maxChildren = options.maxChildren ?? 3
  const { fault } = fc.letrec<{ fault: MedableFaultBody; children: unknown }>((tie) => ({
    fault: fc.tuple(looseFault, tie('children')).map(([node, children]) => (children === undefined ? node : { ...node, faults: children })),
    children: fc.oneof(
      { maxDepth, depthSize: 'small', withCrossShrink: true },
      fc.constant(undefined),
      fc.array(tie('fault'), { minLength: 1, maxLength: maxChildren }),
      fc.array(fc.oneof({ weight: 4, arbitrary: tie('fault') }, { weight: 1, arbitrary: fc.constantFrom(null, 'kRequired', [], 3) }), { maxLength: maxChildren }),
      fc.constantFrom([], 'faults', { object: 'fault' }),
    ),
  }))
  return fault
}

/** A normal-form fault: the members `encode` writes (see the adapter's docs page), children as `faults`. */
function normalFormFault(options: MedableFaultOptions, root: boolean): fc.Arbitrary<MedableFaultBody> {
  const maxDepth = options.maxDepth ?? 3
  const maxChildren = options.maxChildren ?? 3
  // A fault without `code` must not have an errCode of a known category: decode would derive the code.
  const codeAndErrCode = fc.oneof(
    fc.record({ code: fc.oneof(documentedCode, unknownCode), errCode: fc.option(errCode, { nil: undefined }) }),
    fc.record({ code: fc.constant(undefined), errCode: fc.option(unknownErrCode, { nil: undefined }) }),
  )
  const node = fc
    .record({
      name: fc.option(vendorName, { nil: undefined }),
      codeAndErrCode,
      status: root ? fc.constant(undefined) : fc.option(httpStatus, { nil: undefined }),
      message: text,
      reason: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      path: fc.option(path, { nil: undefined }),
      extensions: fc.record({ trace: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }), resource: fc.string({ maxLength: 20 }), index: fc.nat({ max: 50 }) }, { requiredKeys: [] }),
      extras,
    })
    .map(({ codeAndErrCode: { code, errCode }, extensions, extras, ...members }) =>
      withoutUndefined({ ...extras, object: 'fault', ...members, code, errCode, ...extensions }),
    )
  const { fault } = fc.letrec<{ fault: MedableFaultBody; children: MedableFaultBody[] }>((tie) => ({
    fault: fc.tuple(node, tie('children')).map(([body, children]) => (children.length === 0 ? body : { ...body, faults: children })),
    children: fc.oneof({ maxDepth, depthSize: 'small', withCrossShrink: true }, fc.constant<MedableFaultBody[]>([]), fc.array(tie('fault'), { minLength: 1, maxLength: maxChildren })),
  }))
  return fault
}

/**
 * Responses in the Medable adapter's normal form: exactly what its `encode` writes, so `encode(decode(w))`
 * deep-equals `w` (law L1). The root fault repeats the status line; headers are a lower-case record with
 * `retry-after` (delta-seconds) and `x-request-id` when present; trees stay far within the decode bounds.
 */
export function medableNormalFormResponse(options: MedableFaultOptions = {}): fc.Arbitrary<WireResponse> {
  return fc
    .record({
      status: httpStatus,
      fault: normalFormFault(options, true),
      retryAfter: fc.option(fc.nat({ max: 86_400 }), { nil: undefined }),
      requestId: fc.option(requestId, { nil: undefined }),
    })
    .map(({ status, fault, retryAfter, requestId }) => {
      const headers: Record<string, string> = {}
      if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter)
      if (requestId !== undefined) headers['x-request-id'] = requestId
      return { status, headers, body: { ...fault, status } }
    })
}

/** Options of {@link medableWireResponse}. */
export interface MedableWireResponseOptions extends MedableFaultOptions {
  /** The clock HTTP-date headers are generated around (pass the same `now` to the decoder). */
  readonly now?: number
}

const successBody = fc.oneof(
  fc.record({ object: fc.constant('result'), data: extraMemberValue }),
  fc.record({ object: fc.constant('list'), data: fc.array(extraMemberValue, { maxLength: 3 }), hasMore: fc.boolean() }),
)

const ndjsonLine = fc.oneof(successBody, fc.record({ _id: fc.uuid(), object: fc.constant('account') })).map((value) => JSON.stringify(value))

/**
 * Any response Medable (or a proxy in front of it) may send: faults at any status (2xx faults included) as
 * parsed JSON, JSON text or UTF-8 bytes; NDJSON streams whose last line is a fault (and streams where a
 * fault is not last); success bodies (`object: "result"` / `"list"`); HTML, text and empty bodies; headers
 * (`Retry-After` in every form, `Date`, request ids, content types) as a plain record, `[name, value]` pairs
 * or a WHATWG `Headers`.
 *
 * @example
 * fc.assert(fc.property(medableWireResponse(), (response) => {
 *   const error = normalizeError('medable', response)
 *   return error === null || CanonicalError.is(error)
 * }))
 */
export function medableWireResponse(options: MedableWireResponseOptions = {}): fc.Arbitrary<{ status: number; headers: unknown; body: unknown }> {
  const now = options.now ?? Date.UTC(2026, 10, 23, 12, 0, 0)
  const fault = medableFault(options)
  const ndjson = fc
    .tuple(fc.array(ndjsonLine, { maxLength: 3 }), fault, fc.constantFrom('\n', '\r\n'), fc.boolean())
    .map(([lines, last, newline, trailing]) => [...lines, JSON.stringify(last)].join(newline) + (trailing ? newline : ''))
  const ndjsonFaultFirst = fc.tuple(fault, fc.array(ndjsonLine, { minLength: 1, maxLength: 2 })).map(([first, lines]) => [JSON.stringify(first), ...lines].join('\n'))
  const body = fc.oneof(
    { weight: 6, arbitrary: fault },
    { weight: 2, arbitrary: fault.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fault.map((value) => new TextEncoder().encode(JSON.stringify(value))) },
    { weight: 2, arbitrary: ndjson },
    { weight: 1, arbitrary: ndjsonFaultFirst },
    { weight: 2, arbitrary: successBody },
    { weight: 1, arbitrary: fc.constantFrom('', '<html><body><h1>502 Bad Gateway</h1></body></html>', 'upstream connect error', '{"object":', undefined, null, [], { object: 'Fault' }) },
  )
  const headers = responseHeaders(now, ['application/json', 'application/json; charset=utf-8', 'application/x-ndjson', 'text/html'])
  return fc.record({ status: httpStatus, headers, body })
}
