import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extensionMemberName, isAdvisedMemberName, vendorMemberName } from '../src/memberNames'
import { reservedMembers } from '../src/members'

const name = (vendorName: string) => extensionMemberName(vendorName, reservedMembers)
const back = (member: string) => vendorMemberName(member, reservedMembers)

describe('extension member names (RFC 9457 §3.2)', () => {
  it('keeps names that follow the advice, and escapes the others, faultline\'s own and the escape prefix', () => {
    expect(['errCode', 'trace', 'balance', 'traceId', 'retry_count', 'abc'].map(name)).toEqual(['errCode', 'trace', 'balance', 'traceId', 'retry_count', 'abc'])
    expect(['x-trace-id', 'id', 'ab', '_private', '1st', '$schema', 'a b', '', 'type', 'title', 'instance', 'errors', 'invalid-params', 'faultline_code'].map(name)).toEqual([
      'faultline_x_2D_trace_2D_id',
      'faultline_id',
      'faultline_ab',
      'faultline___private',
      'faultline_1st',
      'faultline__24_schema',
      'faultline_a_20_b',
      'faultline_',
      'faultline_type',
      'faultline_title',
      'faultline_instance',
      'faultline_errors',
      'faultline_invalid_2D_params',
      'faultline_faultline__code',
    ])
    // `message` is never written by faultline: a vendor's `message` keeps its name.
    expect(name('message')).toBe('message')
  })

  it('reads a member back under the name it escapes, and any other member as it is', () => {
    expect(back('faultline_x_2D_trace_2D_id')).toBe('x-trace-id')
    expect(back('faultline_faultline__code')).toBe('faultline_code')
    // A server's own members that only look like escapes stay as they are: they are not what faultline writes.
    for (const member of ['faultline_code', 'faultline_x_2d_', 'faultline_x_002D_', 'faultline_a_', 'faultline_a_G_', 'balance', 'x-trace-id']) {
      expect(back(member)).toBe(member)
    }
  })

  it('laws: every name is written under an advised name and read back; distinct names stay distinct', () => {
    // Any UTF-16 code units, lone surrogates included.
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
    const anyName = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: codeUnit, maxLength: 8 }), fc.constantFrom(...reservedMembers, 'faultline_', 'faultline_id', '__proto__'))
    fc.assert(
      fc.property(anyName, anyName, (a, b) => {
        expect(isAdvisedMemberName(name(a))).toBe(true)
        expect(back(name(a))).toBe(a)
        if (a !== b) expect(name(a)).not.toBe(name(b))
      }),
      { numRuns: 2000 },
    )
  })
})
