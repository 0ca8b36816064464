import { describe, expect, it } from 'vitest'
import { readHeaders } from '../src/headers'

describe('readHeaders', () => {
  const expected = { 'retry-after': '30', 'x-request-id': 'req_1' }

  it.each([
    ['a plain record', { 'Retry-After': '30', 'X-Request-ID': 'req_1' }],
    ['a record with array values', { 'retry-after': ['30'], 'x-request-id': ['req_1'] }],
    ['an iterable of pairs', [['RETRY-AFTER', '30'], ['x-request-id', 'req_1']]],
    ['a Map', new Map([['Retry-After', '30'], ['X-Request-Id', 'req_1']])],
    ['a WHATWG Headers', new Headers({ 'Retry-After': '30', 'X-Request-Id': 'req_1' })],
  ])('reads %s case-insensitively', (_form, input) => {
    expect(Object.fromEntries(readHeaders(input))).toEqual(expected)
  })

  it('joins repeated headers the way HTTP does', () => {
    expect(readHeaders([['Allow', 'GET'], ['allow', 'HEAD']]).get('allow')).toBe('GET, HEAD')
    expect(readHeaders({ allow: ['GET', 'HEAD'] }).get('allow')).toBe('GET, HEAD')
  })

  it('ignores values that are not header values', () => {
    expect(Object.fromEntries(readHeaders({ a: undefined, b: { x: 1 }, c: 5 }))).toEqual({ c: '5' })
  })

  it('reads nothing from non-objects and survives hostile objects', () => {
    expect(readHeaders(undefined).size).toBe(0)
    expect(readHeaders('retry-after: 5').size).toBe(0)
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom') } })
    expect(readHeaders(hostile).size).toBe(0)
  })
})
