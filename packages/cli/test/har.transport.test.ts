import { normalizeError } from 'faultline'
import { describe, expect, it } from 'vitest'
import { networkFailure, nodeCodeOf } from '../src/har/netError'
import { harDocument, harEntry } from './fixtures/har'
import { run } from './runCli'

const transportOf = (failure: string | undefined) => {
  const error = normalizeError('medblocks', networkFailure(failure))
  return { kind: error?.kind, reason: error?.reason, code: error?.extensions.code, retryable: error?.retryable }
}

describe('a request that got no response, as the network failure it was', () => {
  it.each([
    // Chrome (`response._error`; Playwright's `_failureText`)
    ['net::ERR_CONNECTION_REFUSED', 'connection_failed', 'ECONNREFUSED'],
    ['net::ERR_CONNECTION_RESET', 'connection_failed', 'ECONNRESET'],
    ['net::ERR_CONNECTION_CLOSED', 'connection_failed', 'ECONNRESET'],
    ['net::ERR_EMPTY_RESPONSE', 'connection_failed', 'ECONNRESET'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'connection_failed', 'EHOSTUNREACH'],
    ['net::ERR_INTERNET_DISCONNECTED', 'connection_failed', 'ENETDOWN'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns_failed', 'ENOTFOUND'],
    ['net::ERR_NAME_RESOLUTION_FAILED', 'dns_failed', 'EAI_FAIL'],
    ['net::ERR_TIMED_OUT', 'timeout', 'ETIMEDOUT'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout', 'ETIMEDOUT'],
    ['net::ERR_ABORTED', 'aborted', 'ABORT_ERR'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'aborted', 'ABORT_ERR'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls_failed', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls_failed', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['net::ERR_CERT_DATE_INVALID', 'tls_failed', 'CERT_HAS_EXPIRED'],
    ['net::ERR_CERT_REVOKED', 'tls_failed', 'CERT_REVOKED'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls_failed', 'ERR_SSL_PROTOCOL_ERROR'],
    // Firefox (status 0, the code in statusText; Playwright's Firefox `_failureText`)
    ['NS_ERROR_CONNECTION_REFUSED', 'connection_failed', 'ECONNREFUSED'],
    ['NS_ERROR_NET_RESET', 'connection_failed', 'ECONNRESET'],
    ['NS_ERROR_NET_INTERRUPT', 'connection_failed', 'ECONNRESET'],
    ['NS_ERROR_OFFLINE', 'connection_failed', 'ENETDOWN'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns_failed', 'ENOTFOUND'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout', 'ETIMEDOUT'],
    ['NS_BINDING_ABORTED', 'aborted', 'ABORT_ERR'],
    ['SSL_ERROR_BAD_CERT_DOMAIN', 'tls_failed', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls_failed', 'UNABLE_TO_GET_ISSUER_CERT'],
    ['SEC_ERROR_EXPIRED_CERTIFICATE', 'tls_failed', 'CERT_HAS_EXPIRED'],
  ])('%s is transport / %s (%s)', (failure, reason, code) => {
    expect(transportOf(failure)).toEqual({ kind: 'transport', reason, code, retryable: reason !== 'aborted' })
  })

  it.each([undefined, 'net::ERR_FAILED', 'net::ERR_BLOCKED_BY_ORB', 'CORS Missing Allow Origin', 'Could not connect to the server.'])(
    'any other failure (%s) is transport / network_error, without a code',
    (failure) => {
      expect(transportOf(failure)).toEqual({ kind: 'transport', reason: 'network_error', code: undefined, retryable: true })
    },
  )

  it('finds the code in a longer text, and only a whole code', () => {
    expect(nodeCodeOf('Failed: net::ERR_CONNECTION_REFUSED (-102)')).toBe('ECONNREFUSED')
    expect(nodeCodeOf('XNS_ERROR_NET_RESET')).toBeUndefined()
  })
})

describe('faultline on HAR entries that got no response', () => {
  const at = (second: number) => `2026-11-23T08:00:${String(second).padStart(2, '0')}.000Z`
  const failed = [
    // Chrome: status 0 and `_error`.
    harEntry({ url: 'https://api.medblocks.com/v1/a', at: at(0), status: 0, mimeType: 'x-unknown', error: 'net::ERR_CONNECTION_REFUSED' }),
    harEntry({ url: 'https://api.medblocks.com/v1/b', at: at(1), status: 0, error: 'net::ERR_NAME_NOT_RESOLVED' }),
    harEntry({ url: 'https://api.medblocks.com/v1/c', at: at(2), status: 0, error: 'net::ERR_TIMED_OUT' }),
    harEntry({ url: 'https://api.medblocks.com/v1/d', at: at(3), status: 0, error: 'net::ERR_CONNECTION_RESET' }),
    // Firefox: status 0, the cause (if any) in statusText.
    harEntry({ url: 'https://api.medipim.be/v4/e', at: at(4), status: 0, statusText: 'NS_ERROR_CONNECTION_REFUSED', mimeType: '' }),
    harEntry({ url: 'https://api.medipim.be/v4/f', at: at(5), status: 0, statusText: 'NS_ERROR_UNKNOWN_HOST' }),
    harEntry({ url: 'https://api.medipim.be/v4/g', at: at(6), status: 0, statusText: '' }),
  ]

  it('normalizes each as a transport error of its vendor, at its time', async () => {
    const { code, out, err } = await run(['normalize', '--vendor-map', 'api.medblocks.com=medblocks,api.medipim.be=medipim'], harDocument(failed))
    expect(code).toBe(0)
    const errors = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; reason: string; vendor: string; extensions: { code?: string } })
    expect(errors.map((error) => [error.vendor, error.kind, error.reason, error.extensions.code])).toEqual([
      ['medblocks', 'transport', 'connection_failed', 'ECONNREFUSED'],
      ['medblocks', 'transport', 'dns_failed', 'ENOTFOUND'],
      ['medblocks', 'transport', 'timeout', 'ETIMEDOUT'],
      ['medblocks', 'transport', 'connection_failed', 'ECONNRESET'],
      ['medipim', 'transport', 'connection_failed', 'ECONNREFUSED'],
      ['medipim', 'transport', 'dns_failed', 'ENOTFOUND'],
      ['medipim', 'transport', 'network_error', undefined],
    ])
    expect(err).toBe('7 entries read: 7 errors, 0 successes, 0 skipped\n')
  })
})
