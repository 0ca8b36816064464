import { describe, expect, it } from 'vitest'
import { errorWithin, prototypeKeys, throwingProxy, vendors } from './harness'

describe('hostile input: cycles, throwing Proxies, prototype keys, invalid UTF-8, weird numbers', () => {
  for (const vendor of vendors) {
    it(`${vendor}: cyclic bodies, envelopes, faults and headers end`, () => {
      const body: Record<string, unknown> = { error: { code: 'invalid_data', message: 'cycle', type: 'invalid_request_error' }, object: 'fault', code: 'kError' }
      ;(body.error as Record<string, unknown>).self = body
      ;(body.error as Record<string, unknown>).list = [body, body.error]
      body.faults = [body, { object: 'fault', code: 'kRequired', path: 'a', faults: [body] }]
      const headers: Record<string, unknown> = { 'x-request-id': 'r1' }
      headers.loop = headers
      const error = errorWithin(vendor, { status: 400, headers, body })
      expect(error.status).toBe(400)
      errorWithin(vendor, body)
      const thrown = Object.assign(new Error('cyclic'), { statusCode: 500 }) as Error & { cause?: unknown }
      thrown.cause = thrown
      errorWithin(vendor, thrown)
    })

    it(`${vendor}: Proxies whose every trap throws, as input, headers, body, envelope and members`, () => {
      const proxy = throwingProxy()
      errorWithin(vendor, proxy)
      errorWithin(vendor, throwingProxy(new Error('x')))
      expect(errorWithin(vendor, { status: 503, headers: proxy, body: '' }).status).toBe(503)
      errorWithin(vendor, { status: 502, headers: {}, body: proxy })
      errorWithin(vendor, { status: 400, body: { error: proxy } })
      errorWithin(vendor, { status: 400, body: { error: { code: 'bad_request', message: 'x', param: proxy, extra: proxy } } })
      errorWithin(vendor, { status: 400, body: { object: 'fault', code: 'kValidationError', faults: [proxy, { object: 'fault', path: proxy }] } })
      errorWithin(vendor, { status: 422, body: { error: { code: 'validation_failed', violations: [proxy, { propertyPath: proxy }] } } })
      errorWithin(vendor, { status: 429, headers: new Proxy({}, { ownKeys: () => { throw new Error('keys') } }), body: '' })
      const getters = { status: 400 } as Record<string, unknown>
      Object.defineProperty(getters, 'body', { enumerable: true, get: () => { throw new Error('getter') } })
      errorWithin(vendor, getters)
      errorWithin(vendor, { status: 400, headers: { [Symbol.iterator]: () => { throw new Error('iterator') } }, body: '' })
    })

    it(`${vendor}: __proto__ and constructor keys pollute nothing and stay plain data`, () => {
      const before = prototypeKeys()
      const text =
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"object":"fault","code":"__proto__","name":"constructor",' +
        '"path":"__proto__","errCode":"cortex.__proto__.x","status":400,' +
        '"error":{"__proto__":{"polluted":1},"constructor":"x","code":"constructor","type":"__proto__","status":400,' +
        '"violations":[{"__proto__":{"polluted":1},"propertyPath":"__proto__","code":"constructor"}]},' +
        '"faults":[{"object":"fault","__proto__":{"polluted":1},"code":"toString","path":"constructor"}]}'
      for (const body of [text, JSON.parse(text), new TextEncoder().encode(text)]) {
        const error = errorWithin(vendor, { status: 400, headers: { __proto__: 'x', constructor: 'y', 'x-request-id': 'r' }, body })
        expect(Object.getPrototypeOf(error.extensions)).toBe(Object.prototype)
        for (const cause of error.causes) expect(Object.getPrototypeOf(cause.extensions)).toBe(Object.prototype)
        errorWithin(vendor, body)
      }
      expect(prototypeKeys()).toStrictEqual(before)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false)
    })

    it(`${vendor}: a polluted Object.prototype is never read, on the fast path or the general one`, () => {
      const body = { error: { type: 'api_error', code: 'polluted_probe', message: 'm', status: 500 }, object: 'fault', code: 'kError', message: 'm' }
      const clean = [errorWithin(vendor, body), errorWithin(vendor, { status: 500, headers: { 'content-type': 'application/json' }, body }), errorWithin(vendor, { status: 500, body: JSON.stringify(body) })]
      const polluted = Object.prototype as Record<string, unknown>
      const pollution = {
        status: 503,
        headers: { 'retry-after': '777', 'x-request-id': 'polluted' },
        body: { error: { code: 'polluted' } },
        'retry-after': '777',
        'x-request-id': 'polluted',
        request_id: 'polluted',
        param: 'polluted',
        path: 'polluted',
        errCode: 'cortex.throttled.polluted',
        faults: [{ object: 'fault', code: 'kThrottled' }],
      }
      Object.assign(polluted, pollution)
      try {
        const again = [errorWithin(vendor, body), errorWithin(vendor, { status: 500, headers: { 'content-type': 'application/json' }, body }), errorWithin(vendor, { status: 500, body: JSON.stringify(body) })]
        // Compared as JSON: the pollution is enumerable, and would show up in any copy that read it.
        expect(again.map((error) => JSON.stringify(error))).toStrictEqual(clean.map((error) => JSON.stringify(error)))
      } finally {
        for (const key of Object.keys(pollution)) delete polluted[key]
      }
    })

    it(`${vendor}: members a prototype holds are never read, however many there are`, () => {
      const heavy: Record<string, unknown> = {}
      for (let i = 0; i < 200_000; i++) heavy[`k${i}`] = i
      const error = Object.assign(Object.create(heavy) as Record<string, unknown>, { code: 'x_unknown', message: 'own', extra: 1 })
      const fault = Object.assign(Object.create(heavy) as Record<string, unknown>, { object: 'fault', code: 'kError', message: 'own', extra: 1 })
      const headers = Object.assign(Object.create(heavy) as Record<string, unknown>, { 'x-request-id': 'own' })
      const started = performance.now()
      for (let i = 0; i < 20; i++) {
        const answer = errorWithin(vendor, { status: 500, headers, body: { error, ...fault } })
        expect(Object.keys(answer.extensions).some((key) => key.startsWith('k'))).toBe(false)
      }
      // Twenty decodes of objects whose prototype has 200,000 keys: the walks stop at the first inherited key.
      expect(performance.now() - started).toBeLessThan(1_000)
    })

    it(`${vendor}: invalid UTF-8 bytes read as text with U+FFFD, never a throw`, () => {
      const invalid = [
        Uint8Array.of(0xff, 0xfe, 0xfd),
        Uint8Array.of(0x7b, 0x22, 0x65, 0x72, 0x72, 0x6f, 0x72, 0x22, 0x3a, 0xc3), // {"error": then a cut 2-byte sequence
        new TextEncoder().encode('{"error":{"code":"x","message":"\uD800"}}'), // a lone surrogate, encoded as U+FFFD
        Uint8Array.of(0xed, 0xa0, 0x80, 0x0a, 0xf4, 0x90, 0x80, 0x80), // encoded surrogate, too-large code point
        Uint8Array.from([...new TextEncoder().encode('{"object":"fault","code":"kError","message":"'), 0xc0, 0xaf, ...new TextEncoder().encode('"}')]),
      ]
      for (const bytes of invalid) {
        for (const body of [bytes, bytes.buffer, Buffer.from(bytes), new DataView(bytes.buffer)]) {
          errorWithin(vendor, { status: 502, headers: { 'content-type': 'application/json' }, body })
          errorWithin(vendor, body)
        }
      }
      const fault = errorWithin(vendor, { status: 500, body: invalid[4] })
      expect(fault.status).toBe(500)
    })

    it(`${vendor}: 1e309, -0, NaN and other non-statuses in status lines and bodies`, () => {
      for (const status of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, Number.NaN, 0, 99, 600, 400.5, -400, Number.MAX_VALUE, 2 ** 53 + 400]) {
        const error = errorWithin(vendor, { status, headers: { 'retry-after': '1e309' }, body: { error: { status, code: 'x', message: 'y' }, object: 'fault', status } })
        expect(error.status === null || (Number.isInteger(error.status) && error.status >= 100 && error.status <= 599)).toBe(true)
        expect(Object.is(error.status, -0)).toBe(false)
        errorWithin(vendor, { status: 400, body: `{"error":{"status":1e309,"code":"x","message":"y","n":-0,"big":1e309},"object":"fault","status":-0,"retry":1e309}` })
      }
      const withMinusZero = errorWithin(vendor, { status: 503, headers: { 'retry-after': '-0' }, body: '' })
      expect(withMinusZero.retryAfter).toBeNull()
    })
  }
})
