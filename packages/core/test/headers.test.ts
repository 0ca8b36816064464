import { describe, expect, it } from 'vitest'
import { headerSlot, readHeaderNames, readHeaders } from '../src/headers'

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

  it('answers a lookup of a plain record as its index of every name does, whatever the letter case', () => {
    // `get` of the headers adapters read takes one pass over the record; any other name, and iteration, an index.
    const record = { 'Content-Type': 'application/json', 'retry-after': '5', 'RETRY-AFTER': '7', 'x-trace': 'abc', Date: 'Sun, 29 Nov 2026 10:00:00 GMT' }
    const headers = readHeaders(record)
    expect(headers.get('retry-after')).toBe('5, 7')
    expect(headers.get('content-type')).toBe('application/json')
    expect(headers.get('date')).toBe('Sun, 29 Nov 2026 10:00:00 GMT')
    expect(headers.get('x-trace')).toBe('abc')
    expect(headers.get('allow')).toBeUndefined()
    expect(Object.fromEntries(headers)).toEqual({ 'content-type': 'application/json', 'retry-after': '5, 7', 'x-trace': 'abc', date: 'Sun, 29 Nov 2026 10:00:00 GMT' })
  })

  it('reads own members only: an inherited header is never read, an own getter runs, one that throws is absent', () => {
    const polluted = Object.prototype as Record<string, unknown>
    polluted['retry-after'] = '999'
    try {
      const headers = readHeaders({ 'x-request-id': 'req_1' })
      expect(headers.get('retry-after')).toBeUndefined()
      expect(Object.fromEntries(headers)).toEqual({ 'x-request-id': 'req_1' })
    } finally {
      delete polluted['retry-after']
    }
    const getters = { get 'retry-after'() { return '12' }, get 'x-request-id'(): string { throw new Error('trap') }, 'request-id': 'req_2' }
    const headers = readHeaders(getters)
    expect([headers.get('retry-after'), headers.get('x-request-id'), headers.get('request-id')]).toEqual(['12', undefined, 'req_2'])
  })

  it('reads nothing from non-objects and survives hostile objects', () => {
    expect(readHeaders(undefined).size).toBe(0)
    expect(readHeaders('retry-after: 5').size).toBe(0)
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom') } })
    expect(readHeaders(hostile).size).toBe(0)
  })
})

describe('headerSlot', () => {
  it('gives each name of readHeaderNames its index, and -1 to every other name', () => {
    readHeaderNames.forEach((name, slot) => expect(headerSlot(name)).toBe(slot))
    for (const other of ['Content-Type', 'x-request', 'etag', '', '__proto__', 'constructor']) expect(headerSlot(other)).toBe(-1)
  })
})
