import { medableFault } from '@faultline/testing'
import fc from 'fast-check'
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
    expect(readFaultNode({ code: 'kError', message: 'm', reason: 'r' }, wireDialect, 500, null, true)).toMatchObject({ message: 'm', detail: 'r' })
    expect(readFaultNode({ code: 'kError', message: '  ', reason: 'r' }, wireDialect, 500, null, true)).toMatchObject({ message: 'r', detail: null })
    expect(readFaultNode({ code: 'kError' }, wireDialect, 500, null, true)).toMatchObject({ message: 'The vendor failed unexpectedly while handling the request.', detail: null })
  })

  it('reads own members only, of the right type', () => {
    const inherited = Object.create({ code: 'kNotFound', path: 'x', name: 'error' }) as object
    expect(readFaultNode(inherited, wireDialect, 404, null, true)).toMatchObject({ vendorCode: null, path: null, vendorType: null, meaning: { kind: 'not_found', recognized: false } })
    expect(readFaultNode({ code: 7, path: ['a'], name: 1 }, wireDialect, null, null, true)).toMatchObject({ vendorCode: null, path: null, vendorType: null })
    const stated = (source: object) => readFaultNode(source, wireDialect, null, null, true).status
    expect(stated({ status: 404 })).toBe(404)
    expect([stated({ status: '404' }), stated({ status: 99 }), stated({ status: 404.5 })]).toEqual([null, null, null])
  })

  it('takes a status line of 400 or more over the stated status, and the stated one under a 2xx line', () => {
    expect(readFaultNode({ status: 404 }, wireDialect, 500, null, true).status).toBe(500)
    expect(readFaultNode({ status: 202 }, wireDialect, 200, null, true).status).toBe(202)
    expect(readFaultNode({}, wireDialect, 200, null, true).status).toBe(200)
  })

  // Both ways of reading a fault: every member, with its extensions (a fault that becomes an error), and the
  // first members, then lookups of the fields left (a fault cut from `causes`, which only adds a violation).
  const bothWays = (source: object, dialect = wireDialect) => [true, false].map((withExtras) => readFaultNode(source, dialect, null, null, withExtras))
  const fields = ({ extras: _extras, ...rest }: ReturnType<typeof readFaultNode>) => rest

  it('reads the enumerable members JSON has, and a class instance\'s other own members too, both ways', () => {
    const hiddenMessage = (target: object) => Object.defineProperty(target, 'message', { value: 'hidden', enumerable: false })
    // A thrown `Fault` keeps its message as an Error does: own, not enumerable.
    class Fault extends Error {}
    const instance = Object.assign(new Fault('Session expired'), { code: 'kSessionExpired', statusCode: 403 })
    for (const node of bothWays(instance, instanceDialect)) expect(node).toMatchObject({ message: 'Session expired', status: 403, vendorCode: 'kSessionExpired' })
    for (const node of bothWays(hiddenMessage(new Fault()))) expect(node.message).toBe('hidden')
    // A plain object is read as JSON holds it: a member defined non-enumerable by hand is not one...
    for (const node of bothWays(hiddenMessage({ code: 'kError', reason: 'r' }))) expect(node.message).toBe('r')
    // ...except by the dialect of thrown faults, which decodeMedableThrown recognizes by such members too.
    const thrownPlain = Object.defineProperty({ code: 'kWhatever', message: 'm' }, 'errCode', { value: 'cortex.notFound.x', enumerable: false })
    for (const node of bothWays(thrownPlain, instanceDialect)) expect(node.meaning.kind).toBe('not_found')
  })

  it('reads a fault whose key listing throws (a Proxy) member by member, both ways', () => {
    const proxy = new Proxy({ object: 'fault', code: 'kNotFound', message: 'm', status: 404, path: 'a' }, {
      ownKeys() {
        throw new Error('hostile trap')
      },
    })
    for (const node of bothWays(proxy)) expect(node).toMatchObject({ vendorCode: 'kNotFound', message: 'm', status: 404, path: 'a', meaning: { kind: 'not_found' } })
  })

  it('reads each member once, and keeps the others (errCode too) for extensions', () => {
    let reads = 0
    const source = { code: 'kError', errCode: 'cortex.error.x', trace: 't', get message() { reads++; return 'm' } }
    const node = readFaultNode(source, wireDialect, 500, null, true)
    expect(reads).toBe(1)
    expect(node.extras.extras).toEqual({ errCode: 'cortex.error.x', trace: 't' })
    // A class instance's member that the pass read as null is not looked up again.
    class Instance {}
    const instance = Object.defineProperty(new Instance(), 'message', { get: () => (reads++ === 1 ? null : 'second'), enumerable: true })
    expect(readFaultNode(instance, wireDialect, 500, null, true).message).toBe('The vendor failed unexpectedly while handling the request.')
    expect(reads).toBe(2)
  })

  it('reads the same fields either way, for any fault Medable sends (property)', () => {
    fc.assert(
      fc.property(medableFault(), (fault) => {
        const [passed, lookedUp] = bothWays(fault)
        expect(fields(passed!)).toEqual(fields(lookedUp!))
        expect(lookedUp!.extras.extras).toBeUndefined()
      }),
    )
  })
})

describe('readFaultNode of a fault cut from causes', () => {
  it('reads a fault of many members by its first ones and lookups of the fields not among them', () => {
    const many: Record<string, unknown> = {}
    for (let i = 0; i < 1_000; i++) many[`m${i}`] = i
    Object.assign(many, { code: 'kRequired', path: 'late', message: 'late members' })
    expect(readFaultNode(many, wireDialect, null, 'invalid_request', false)).toMatchObject({ vendorCode: 'kRequired', path: 'late', message: 'late members' })
    expect(readFaultNode(many, wireDialect, null, 'invalid_request', false).extras.extras).toBeUndefined()
  })
})
