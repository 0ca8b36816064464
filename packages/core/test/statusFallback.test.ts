import { describe, expect, it } from 'vitest'
import { errorStatus, kindForStatus } from '../src/statusFallback'

describe('kindForStatus', () => {
  it.each([
    [401, 'authentication', 'unrecognized'],
    [403, 'permission', 'unrecognized'],
    [404, 'not_found', 'unrecognized'],
    [410, 'not_found', 'gone'],
    [409, 'conflict', 'unrecognized'],
    [429, 'rate_limited', 'throttled'],
    [408, 'timeout', 'timeout'],
    [504, 'timeout', 'gateway_timeout'],
    [502, 'unavailable', 'bad_gateway'],
    [503, 'unavailable', 'service_unavailable'],
    [405, 'invalid_request', 'method_not_allowed'],
    [413, 'invalid_request', 'payload_too_large'],
    [415, 'invalid_request', 'unsupported_media_type'],
    [418, 'invalid_request', 'unrecognized'],
    [501, 'internal', 'not_implemented'],
    [500, 'internal', 'unrecognized'],
    [599, 'internal', 'unrecognized'],
    [200, 'unknown', 'unrecognized'],
    [302, 'unknown', 'unrecognized'],
    [null, 'unknown', 'unrecognized'],
  ] as const)('%s -> %s / %s', (status, kind, reason) => {
    expect(kindForStatus(status)).toEqual({ kind, reason })
  })
})

describe('errorStatus', () => {
  it('keeps an error status line over the stated one', () => expect(errorStatus(401, 500)).toBe(401))
  it('takes the stated status inside a 2xx answer', () => expect(errorStatus(200, 503)).toBe(503))
  it('keeps a 2xx line when the error states none', () => expect(errorStatus(200, undefined)).toBe(200))
  it('takes the stated status without a response', () => expect(errorStatus(null, 404)).toBe(404))
  it('ignores a stated status outside 100-599', () => {
    expect(errorStatus(null, 700)).toBeNull()
    expect(errorStatus(200, 99)).toBe(200)
    expect(errorStatus(null, 404.5)).toBeNull()
  })
})
