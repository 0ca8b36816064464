import { describe, expect, it } from 'vitest'
import { canonicalError } from '../src/build'
import {
  AuthenticationError,
  errorClassOfKind,
  FaultlineError,
  isAuthenticationError,
  isFaultlineError,
  isRateLimitedError,
  RateLimitedError,
  toError,
} from '../src/errors'
import { kinds } from '../src/kinds'

const throttled = canonicalError({ kind: 'rate_limited', reason: 'throttled', vendor: 'medblocks', status: 429, retryAfter: 30, requestId: 'req_1', message: 'Too many requests.' })

describe('toError', () => {
  it('builds the class of the kind, carrying the canonical error and its common fields', () => {
    const error = toError(throttled)
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error).toBeInstanceOf(FaultlineError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'RateLimitedError', message: 'Too many requests.', kind: 'rate_limited', retryAfter: 30, requestId: 'req_1', status: 429 })
    expect(error.canonical).toBe(throttled)
  })

  it('has one class per kind, each named after it', () => {
    for (const kind of kinds) {
      const error = toError(canonicalError({ kind, reason: 'unrecognized', vendor: 'x' }))
      expect(error).toBeInstanceOf(errorClassOfKind[kind])
      expect(error.name).toMatch(/Error$/)
      expect(isFaultlineError(error, kind)).toBe(true)
    }
    expect(new Set(Object.values(errorClassOfKind)).size).toBe(kinds.length)
  })

  it('serializes to the canonical error only: no stack, no raw input', () => {
    const raw = { apiKey: 'sk_live_secret', body: '<html>' }
    const error = toError(throttled, { cause: raw })
    expect(error.cause).toBe(raw)
    const json = JSON.stringify(error)
    expect(JSON.parse(json)).toEqual(throttled)
    expect(json).not.toContain('sk_live_secret')
    expect(json).not.toContain('at ')
  })
})

describe('guards', () => {
  it('tell kinds apart', () => {
    const error = toError(throttled)
    expect(isRateLimitedError(error)).toBe(true)
    expect(isAuthenticationError(error)).toBe(false)
    expect(isFaultlineError(error, 'rate_limited')).toBe(true)
    expect(isFaultlineError(error, 'timeout')).toBe(false)
  })

  it('work across bundle copies, where instanceof does not', () => {
    // A second copy of the class, as a duplicated bundle would have it: only the Symbol.for brand is shared.
    class OtherCopy extends Error {
      canonical = canonicalError({ kind: 'authentication', reason: 'expired_credentials', vendor: 'medblocks' })
      constructor() {
        super('x')
        Object.defineProperty(this, Symbol.for('faultline.error'), { value: true })
      }
    }
    const foreign = new OtherCopy()
    expect(foreign instanceof AuthenticationError).toBe(false)
    expect(isAuthenticationError(foreign)).toBe(true)
  })

  it('reject look-alikes and hostile values', () => {
    expect(isFaultlineError(new Error('x'))).toBe(false)
    expect(isFaultlineError({ canonical: throttled })).toBe(false)
    expect(isFaultlineError(null)).toBe(false)
    expect(isFaultlineError(new Proxy({}, { get: () => { throw new Error('trap') } }))).toBe(false)
  })
})
