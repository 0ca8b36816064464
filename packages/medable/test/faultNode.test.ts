import { describe, expect, it } from 'vitest'
import { meaningOfFault, readFaultNode, statedStatus, wireDialect } from '../src/faultNode'

describe('meaningOfFault', () => {
  it('decides in order: code, §7, errCode category, status', () => {
    const summary = (...args: Parameters<typeof meaningOfFault>) => {
      const { meaning, vendorCode } = meaningOfFault(...args)
      return [meaning.kind, meaning.reason, meaning.recognized, vendorCode]
    }
    expect(summary('kRequired', 'cortex.error.x', 'a', 500, 'invalid_request')).toEqual(['invalid_request', 'missing_field', true, 'kRequired'])
    expect(summary('kInvalidString', 'cortex.error.x', 'a', 500, 'invalid_request')).toEqual(['invalid_request', 'invalid_field', false, 'kInvalidString'])
    expect(summary('kInvalidString', 'cortex.error.x', 'a', 500, 'not_found')).toEqual(['internal', 'internal_error', false, 'kInvalidString'])
    expect(summary(null, 'cortex.throttled.x', null, 400, null)).toEqual(['rate_limited', 'throttled', false, null])
    expect(summary('kNew', 'cortex.nope.x', null, 410, null)).toEqual(['not_found', 'gone', false, 'kNew'])
    expect(summary(null, undefined, null, null, null)).toEqual(['unknown', 'unrecognized', false, null])
  })
})

describe('readFaultNode', () => {
  it('falls back from message to reason to the kind\'s sentence; detail only beside a message', () => {
    expect(readFaultNode({ code: 'kError', message: 'm', reason: 'r' }, 500, null)).toMatchObject({ message: 'm', detail: 'r' })
    expect(readFaultNode({ code: 'kError', message: '  ', reason: 'r' }, 500, null)).toMatchObject({ message: 'r', detail: null })
    expect(readFaultNode({ code: 'kError' }, 500, null)).toMatchObject({ message: 'The vendor failed unexpectedly while handling the request.', detail: null })
  })

  it('reads own members only, of the right type', () => {
    const inherited = Object.create({ code: 'kNotFound', path: 'x', name: 'error' }) as object
    expect(readFaultNode(inherited, 404, null)).toMatchObject({ vendorCode: null, path: null, vendorType: null, meaning: { kind: 'not_found', recognized: false } })
    expect(readFaultNode({ code: 7, path: ['a'], name: 1 }, null, null)).toMatchObject({ vendorCode: null, path: null, vendorType: null })
    expect(statedStatus({ status: 404 }, wireDialect)).toBe(404)
    expect([statedStatus({ status: '404' }, wireDialect), statedStatus({ status: 99 }, wireDialect), statedStatus({ status: 404.5 }, wireDialect)]).toEqual([null, null, null])
  })
})
