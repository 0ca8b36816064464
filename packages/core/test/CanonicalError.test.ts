import { canonicalErrorArbitrary } from '@faultline/testing'
import fc from 'fast-check'
import { PathReporter } from 'io-ts/PathReporter'
import { describe, expect, it } from 'vitest'
import { CanonicalError } from '../src/CanonicalError'
import { canonicalError } from '../src/build'
import { kinds } from '../src/kinds'

const valid = canonicalError({ kind: 'rate_limited', reason: 'throttled', vendor: 'medblocks', status: 429, retryAfter: 30 })

describe('CanonicalError codec', () => {
  it('accepts every kind built with canonicalError()', () => {
    for (const kind of kinds) {
      expect(CanonicalError.is(canonicalError({ kind, reason: 'unrecognized', vendor: 'acme', status: 500 }))).toBe(true)
    }
  })

  it('accepts every generated error, and they survive JSON unchanged', () => {
    fc.assert(
      fc.property(canonicalErrorArbitrary(), (error) => {
        expect(CanonicalError.is(error)).toBe(true)
        expect(JSON.parse(JSON.stringify(error))).toEqual(error)
      }),
      { numRuns: 300 },
    )
  })

  it.each([
    ['an empty message', { ...valid, message: '  ' }],
    ['a reason that is not snake_case', { ...valid, reason: 'Too Many' }],
    ['a status outside 100-599', { ...valid, status: 600 }],
    ['a fractional status', { ...valid, status: 429.5 }],
    ['a negative retryAfter', { ...valid, retryAfter: -1 }],
    ['a retryAfter of -0', { ...valid, retryAfter: -0 }],
    ['an unknown kind', { ...valid, kind: 'teapot' }],
    ['a missing field', (({ truncated: _t, ...rest }) => rest)(valid)],
    ['undefined in a field', { ...valid, detail: undefined }],
    ['a class in extensions', { ...valid, extensions: { at: new Date(0) } }],
    ['NaN in extensions', { ...valid, extensions: { n: Number.NaN } }],
    ['a transport error with a status', { ...canonicalError({ kind: 'transport', reason: 'timeout', vendor: 'x' }), status: 504 }],
    ['an invalid cause', { ...valid, causes: [{ ...valid, message: '' }] }],
    ['a violation without a reason', { ...valid, violations: [{ path: 'a', message: 'm', vendorCode: null }] }],
  ])('rejects %s', (_case, value) => {
    expect(CanonicalError.is(value)).toBe(false)
    expect(CanonicalError.decode(value)._tag).toBe('Left')
  })

  it('names the failing field of the one variant that applies', () => {
    const report = PathReporter.report(CanonicalError.decode({ ...valid, status: 'soon' })).join('\n')
    expect(report).toContain('status')
    expect(report).toContain('rate_limitedError')
    expect(report).not.toContain('authenticationError')
  })

  it('rejects a kind named after an Object.prototype member without crashing', () => {
    expect(CanonicalError.decode({ ...valid, kind: 'toString' })._tag).toBe('Left')
    expect(CanonicalError.decode({ ...valid, kind: '__proto__' })._tag).toBe('Left')
  })

  it('rejects non-objects', () => {
    for (const value of [null, undefined, 42, 'error', []]) expect(CanonicalError.is(value)).toBe(false)
  })
})
