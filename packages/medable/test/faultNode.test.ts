import { describe, expect, it } from 'vitest'
import { instanceDialect, meaningOfFault, readFaultNode, wireDialect } from '../src/faultNode'

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
    expect(readFaultNode({ code: 'kError', message: 'm', reason: 'r' }, wireDialect, 500, null)).toMatchObject({ message: 'm', detail: 'r' })
    expect(readFaultNode({ code: 'kError', message: '  ', reason: 'r' }, wireDialect, 500, null)).toMatchObject({ message: 'r', detail: null })
    expect(readFaultNode({ code: 'kError' }, wireDialect, 500, null)).toMatchObject({ message: 'The vendor failed unexpectedly while handling the request.', detail: null })
  })

  it('reads own members only, of the right type', () => {
    const inherited = Object.create({ code: 'kNotFound', path: 'x', name: 'error' }) as object
    expect(readFaultNode(inherited, wireDialect, 404, null)).toMatchObject({ vendorCode: null, path: null, vendorType: null, meaning: { kind: 'not_found', recognized: false } })
    expect(readFaultNode({ code: 7, path: ['a'], name: 1 }, wireDialect, null, null)).toMatchObject({ vendorCode: null, path: null, vendorType: null })
    const stated = (source: object) => readFaultNode(source, wireDialect, null, null).status
    expect(stated({ status: 404 })).toBe(404)
    expect([stated({ status: '404' }), stated({ status: 99 }), stated({ status: 404.5 })]).toEqual([null, null, null])
  })

  it('takes a status line of 400 or more over the stated status, and the stated one under a 2xx line', () => {
    expect(readFaultNode({ status: 404 }, wireDialect, 500, null).status).toBe(500)
    expect(readFaultNode({ status: 202 }, wireDialect, 200, null).status).toBe(202)
    expect(readFaultNode({}, wireDialect, 200, null).status).toBe(200)
  })

  it('reads the enumerable members JSON has, and a class instance\'s other own members too', () => {
    const hiddenMessage = (target: object) => Object.defineProperty(target, 'message', { value: 'hidden', enumerable: false })
    // A thrown `Fault` keeps its message as an Error does: own, not enumerable.
    class Fault extends Error {}
    const instance = Object.assign(new Fault('Session expired'), { code: 'kSessionExpired', statusCode: 403 })
    expect(readFaultNode(instance, instanceDialect, null, null)).toMatchObject({ message: 'Session expired', status: 403, vendorCode: 'kSessionExpired' })
    expect(readFaultNode(hiddenMessage(new Fault()), wireDialect, null, null).message).toBe('hidden')
    // A plain object is read as JSON holds it: a member defined non-enumerable by hand is not one.
    expect(readFaultNode(hiddenMessage({ code: 'kError', reason: 'r' }), wireDialect, null, null).message).toBe('r')
  })

  it('reads each member once, and keeps the others (errCode too) for extensions', () => {
    let reads = 0
    const source = { code: 'kError', errCode: 'cortex.error.x', trace: 't', get message() { reads++; return 'm' } }
    const node = readFaultNode(source, wireDialect, 500, null)
    expect(reads).toBe(1)
    expect(node.extras.extras).toEqual({ errCode: 'cortex.error.x', trace: 't' })
  })
})
