import { readPlainResponse, typedEnvelopeDecoders, type PlainResponse, type TypedEnvelopeSpec } from '@faultline/core'
import { medblocksEnvelope } from '@faultline/medblocks'
import { decodeMedable, decodePlainMedable } from '@faultline/medable'
import { decodeMedipim, decodePlainMedipim } from '@faultline/medipim'
import { scribeEnvelope } from '@faultline/scribe'
import {
  medableNormalFormResponse,
  medableWireResponse,
  medipimNormalFormResponse,
  medipimWireResponse,
  typedEnvelopeNormalFormResponse,
  typedEnvelopeWireResponse,
} from '@faultline/testing'
import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { normalizeError } from 'faultline'
import { describe, expect, it } from 'vitest'
import { fuzzOptions, fuzzRuns } from './hostile/harness'

// Every adapter with a fast path answers the usual response on it; these properties prove that wherever the
// fast path answers, it answers exactly what the general path does, on any input, and that it is really taken.

const now = Date.UTC(2026, 10, 29, 12, 0, 0)

type Response = { status: number; headers: unknown; body: unknown }

/** Where a vendor's error object sits in a body, and a body with another one there. */
interface ErrorPlace {
  readonly errorOf: (body: unknown) => unknown
  readonly withError: (response: Response, replacement: unknown) => Response
}

/** In an `{"error":{...}}` envelope (Medblocks, scribe, Medipim). */
const inEnvelope: ErrorPlace = {
  errorOf: (body) => (typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined),
  withError: (response, replacement) => ({ ...response, body: { error: replacement } }),
}

/**
 * The body itself (a Medable fault). A replacement's own members are copied onto a plain body (the fast path
 * takes only those), and onto its first child with the replacement's own prototype, so that an inherited member
 * is tried on the fast path too.
 */
const asBody: ErrorPlace = {
  errorOf: (body) => body,
  withError: (response, replacement) => {
    if (typeof replacement !== 'object' || replacement === null) return { ...response, body: replacement }
    // Copied by descriptor: a hostile getter is copied, not run.
    const copy = (prototype: object | null, extra: PropertyDescriptorMap) => Object.create(prototype, { ...Object.getOwnPropertyDescriptors(replacement), ...extra }) as object
    const member = (value: unknown): PropertyDescriptor => ({ value, enumerable: true, writable: true, configurable: true })
    const faults = (response.body as { faults?: unknown } | null)?.faults
    const children = Array.isArray(faults) && faults.length > 0 ? faults.slice(1) : []
    const firstChild = copy(Object.getPrototypeOf(replacement) as object | null, { object: member('fault') })
    return { ...response, body: copy(Object.prototype, { faults: member([firstChild, ...children]) }) }
  },
}

/** The forms the fast path must tell apart from the one it takes: each input is also tried in these. */
const variants = (place: ErrorPlace) => (response: Response): fc.Arbitrary<unknown> => {
  const body = response.body
  const error = place.errorOf(body)
  const errorObject = typeof error === 'object' && error !== null && !Array.isArray(error) ? (error as object) : undefined
  const withError = (replacement: unknown) => place.withError(response, replacement)
  const hostileMember = () => {
    const copy: Record<string, unknown> = { ...errorObject }
    Object.defineProperty(copy, 'trap', { enumerable: true, get: () => { throw new Error('trap') } })
    return withError(copy)
  }
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(response) },
    { weight: 1, arbitrary: fc.constant({ ...response, body: JSON.stringify(body) }) },
    // A success as JSON text, which every fast path answers (null) below 400 and declines at 404: normalizeError
    // then hands it on parsed.
    { weight: 1, arbitrary: fc.constantFrom(200, 201, 404).map((status) => ({ ...response, status, body: JSON.stringify({ object: 'result', data: [] }) })) },
    { weight: 1, arbitrary: fc.constant({ ...response, body: ` ${JSON.stringify(body)}` }) },
    { weight: 1, arbitrary: fc.constantFrom('application/x-ndjson', 'text/html', 'application/json; charset=utf-8', 'APPLICATION/JSON').map((type) => ({ ...response, headers: { 'Content-Type': type, 'RETRY-AFTER': '7', 'retry-after': '9' }, body: JSON.stringify(body) })) },
    { weight: 1, arbitrary: fc.constant(errorObject !== undefined ? withError({ ...errorObject, nested: { deep: [1, -0, 2] } }) : response) },
    { weight: 1, arbitrary: fc.constant(errorObject !== undefined ? withError({ ...errorObject, odd: -0, big: Number.POSITIVE_INFINITY, fn: () => 1, undef: undefined }) : response) },
    { weight: 1, arbitrary: fc.constant(hostileMember()) },
    { weight: 1, arbitrary: fc.constant(withError(Object.assign(Object.create({ code: 'inherited_code' }), errorObject ?? {}))) },
    { weight: 1, arbitrary: fc.anything().map((anything) => ({ ...response, body: anything })) },
    { weight: 1, arbitrary: fc.anything().map((anything) => ({ ...response, headers: anything })) },
    { weight: 1, arbitrary: fc.anything().map((anything) => ({ ...response, status: anything })) },
  )
}

function checkFastPath(
  name: string,
  decoders: { general: (input: never, options?: { now?: number }) => unknown; plain: (response: PlainResponse, options?: { now?: number }) => unknown },
  responses: fc.Arbitrary<Response>,
  place: ErrorPlace = inEnvelope,
): void {
  it(`${name}: wherever the fast path answers, it answers what the general path does, and so does normalizeError where it declines`, () => {
    let taken = 0
    let successes = 0
    let declinedText = 0
    let runs = 0
    fc.assert(
      fc.property(responses.chain(variants(place)), (input) => {
        runs++
        const plain = readPlainResponse(input as never)
        let fast: unknown
        try {
          fast = plain === undefined ? undefined : decoders.plain(plain, { now })
        } catch {
          fast = undefined // the adapter sends a response whose member throws to the general path
        }
        if (fast === undefined) {
          // Where the fast path read the response and declined it, normalizeError hands the general path that
          // response with the body it parsed: still what the general path answers for the input itself.
          if (plain !== undefined) {
            if (typeof (input as { body: unknown }).body === 'string') declinedText++
            const viaNormalizer = normalizeError(name, input, { now })
            const general = decoders.general(input as never, { now })
            expect(isDeepStrictEqual(viaNormalizer, general), `normalizeError ${JSON.stringify(viaNormalizer)}\ngeneral path ${JSON.stringify(general)}`).toBe(true)
          }
          return
        }
        taken++
        if (fast === null) successes++
        // node's strict deep equality (prototypes, -0): vitest's would also compare members named `constructor`.
        const general = decoders.general(input as never, { now })
        expect(isDeepStrictEqual(fast, general), `fast path ${JSON.stringify(fast)}\ngeneral path ${JSON.stringify(general)}`).toBe(true)
      }),
      { numRuns: fuzzRuns(600) },
    )
    // The properties are checked on the fast path's own answers (successes among them), and on JSON text it
    // declined, not on nothing.
    expect(taken / runs).toBeGreaterThan(0.2)
    expect(successes).toBeGreaterThan(0)
    expect(declinedText).toBeGreaterThan(0)
  })
}

const typedVendors: ReadonlyArray<readonly [string, TypedEnvelopeSpec]> = [
  ['medblocks', medblocksEnvelope],
  ['scribe', scribeEnvelope],
]

describe('typed-envelope fast path', fuzzOptions, () => {
  for (const [name, spec] of typedVendors) {
    const responses = fc.oneof(typedEnvelopeWireResponse(spec, { now }), typedEnvelopeNormalFormResponse(spec))
    checkFastPath(name, typedEnvelopeDecoders(spec), responses as fc.Arbitrary<Response>)
  }
})

describe('Medipim fast path', fuzzOptions, () => {
  const responses = fc.oneof(medipimWireResponse({ now }), medipimNormalFormResponse())
  checkFastPath('medipim', { general: decodeMedipim, plain: decodePlainMedipim }, responses as fc.Arbitrary<Response>)
})

describe('Medable fast path', fuzzOptions, () => {
  const responses = fc.oneof(medableWireResponse({ now }), medableNormalFormResponse())
  checkFastPath('medable', { general: decodeMedable, plain: decodePlainMedable }, responses as fc.Arbitrary<Response>, asBody)
})
