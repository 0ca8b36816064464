import { isDeepStrictEqual } from 'node:util'
import { CanonicalError } from '@faultline/core'
import { expect } from 'vitest'
import { normalizeError } from '../../src/normalize'

/** The four bundled vendors. */
export const vendors = ['medblocks', 'scribe', 'medipim', 'medable'] as const
export type Vendor = (typeof vendors)[number]

/** `FAULTLINE_FUZZ=1` runs the long fuzz (100,000 cases per adapter); CI runs a few hundred. */
export const fuzzing = process.env.FAULTLINE_FUZZ === '1'
export const fuzzRuns = (ciRuns: number): number => (fuzzing ? 100_000 : ciRuns)
/** Options for a `describe` of property tests: the long fuzz takes minutes, not vitest's default 5 s. */
export const fuzzOptions: { timeout?: number } = fuzzing ? { timeout: 30 * 60_000 } : {}

export const MiB = 2 ** 20

/** Whether a value that is not a response with a real status below 400 may be answered `null` (contract §1). */
const mayBeSuccess = (input: unknown): boolean => {
  try {
    if (typeof Response !== 'undefined' && input instanceof Response) return true
    if (typeof input !== 'object' || input === null) return false
    const status = (input as { status?: unknown }).status
    return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 400
  } catch {
    return false
  }
}

/**
 * Normalizes `input` and checks the contract's promises on hostile input: it returns (never throws), within
 * `maxMs`; the answer is a valid CanonicalError that survives JSON (or `null`, only for a successful response).
 */
export function normalizeWithin(vendor: string, input: unknown, maxMs = 2_000): CanonicalError | null {
  const started = performance.now()
  const error = normalizeError(vendor, input)
  const elapsed = performance.now() - started
  expect(elapsed, `normalizeError took ${elapsed.toFixed(0)} ms`).toBeLessThan(maxMs)
  if (error === null) {
    expect(mayBeSuccess(input), 'null for an input that is not a successful response').toBe(true)
    return null
  }
  expect(CanonicalError.is(error), JSON.stringify(CanonicalError.decode(error)).slice(0, 500)).toBe(true)
  // node's deep equality, not vitest's: vitest compares `.constructor`, which an own `constructor` member of
  // `extensions` (kept verbatim, as it should be) makes differ between two equal copies.
  expect(isDeepStrictEqual(JSON.parse(JSON.stringify(error)), error), 'survives JSON').toBe(true)
  return error
}

/** Same as {@link normalizeWithin}, but the answer must be an error. */
export function errorWithin(vendor: string, input: unknown, maxMs?: number): CanonicalError {
  const error = normalizeWithin(vendor, input, maxMs)
  expect(error).not.toBeNull()
  return error!
}

/** An object every trap of which throws: getters, `has`, `ownKeys`, descriptors, prototype. */
export function throwingProxy(target: object = {}): object {
  const fail = () => {
    throw new Error('hostile trap')
  }
  return new Proxy(target, {
    get: fail,
    has: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail,
    set: fail,
    defineProperty: fail,
    deleteProperty: fail,
    isExtensible: fail,
    preventExtensions: fail,
    apply: fail,
    construct: fail,
    setPrototypeOf: fail,
  })
}

/** A snapshot of `Object.prototype` (and `Array.prototype`) own keys, to prove no prototype was polluted. */
export const prototypeKeys = (): string[] => [
  ...Reflect.ownKeys(Object.prototype).map(String),
  '|',
  ...Reflect.ownKeys(Array.prototype).map(String),
]
