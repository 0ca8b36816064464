import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { formatValidationErrors } from '@faultline/alerting'

describe('formatValidationErrors', () => {
  it('writes object keys with dots and indices with brackets', () => {
    const codec = t.type({ rules: t.array(t.type({ threshold: t.type({ count: t.number }) })) })
    const decoded = codec.decode({ rules: [{ threshold: { count: 1 } }, { threshold: { count: 'x' } }] })
    expect(decoded._tag === 'Left' && formatValidationErrors(decoded.left)).toEqual(['rules[1].threshold.count: expected number, got "x"'])
  })

  it('prefers an error message, names the root, and drops duplicate lines', () => {
    const root = [{ key: '', type: t.unknown, actual: 1 }]
    const errors: t.Errors = [
      { value: 1, context: root, message: 'custom message' },
      { value: 1, context: root, message: 'custom message' },
      { value: undefined, context: root },
    ]
    expect(formatValidationErrors(errors)).toEqual(['(root): custom message', '(root): expected unknown, got undefined'])
  })
})
