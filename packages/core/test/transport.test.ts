import { describe, expect, it } from 'vitest'
import { decodeTransportError } from '../src/transport'

const named = (name: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(name), { name }, fields)

describe('decodeTransportError: the cause chain', () => {
  it('a TimeoutError anywhere in the chain is timeout, retryable, over an AbortError that wraps it', () => {
    const nodeAbort = named('AbortError', { code: 'ABORT_ERR', cause: named('TimeoutError') })
    expect(decodeTransportError(nodeAbort, 'v')).toMatchObject({ kind: 'transport', reason: 'timeout', retryable: true, extensions: {} })
    const deep = new TypeError('fetch failed', { cause: named('Wrapper', { cause: named('TimeoutError') }) })
    expect(decodeTransportError(deep, 'v')).toMatchObject({ reason: 'timeout' })
  })

  it('an abort without a timeout is aborted, not retryable', () => {
    expect(decodeTransportError(named('AbortError', { code: 'ABORT_ERR' }), 'v')).toMatchObject({ reason: 'aborted', retryable: false })
  })

  it('the first known code decides otherwise, kept in extensions.code', () => {
    const fetchFailed = new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })
    expect(decodeTransportError(fetchFailed, 'v')).toMatchObject({ reason: 'connection_failed', extensions: { code: 'ECONNREFUSED' } })
  })

  it('reads the reason of an axios request signal (a CanceledError has no cause)', () => {
    const signal = AbortSignal.abort(new DOMException('timed out', 'TimeoutError'))
    const canceled = named('CanceledError', { code: 'ERR_CANCELED', config: { signal } })
    expect(decodeTransportError(canceled, 'v')).toMatchObject({ reason: 'timeout' })
    const byCaller = named('CanceledError', { code: 'ERR_CANCELED', config: { signal: AbortSignal.abort() } })
    expect(decodeTransportError(byCaller, 'v')).toMatchObject({ reason: 'aborted' })
  })

  it('keeps what arrived before the failure', () => {
    const reset = named('ReadError', { code: 'ECONNRESET' })
    expect(decodeTransportError(reset, 'v', { status: 503 })).toMatchObject({ status: null, extensions: { code: 'ECONNRESET', status: 503 } })
  })

  it('is undefined for anything else, and ends on a cyclic chain', () => {
    const cyclic: { cause?: unknown } = new Error('x')
    cyclic.cause = cyclic
    expect(decodeTransportError(cyclic, 'v')).toBeUndefined()
    expect(decodeTransportError({ message: 'no' }, 'v')).toBeUndefined()
  })
})
