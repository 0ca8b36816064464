import { kindTable } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { medipimCatalog, medipimMeaning, medipimNamespaces, namespaceOf } from '../src/catalog'

// The 12 codes of medipim-errors.txt with their documented status, and the meaning we promise for each.
const documented = [
  ['bad_request', 400, 'invalid_request', 'malformed'],
  ['authentication.not_authenticated', 401, 'authentication', 'not_authenticated'],
  ['authentication.api_key_not_found', 401, 'authentication', 'invalid_credentials'],
  ['authentication.invalid_api_secret', 401, 'authentication', 'invalid_credentials'],
  ['authentication.api_key_is_not_active', 401, 'authentication', 'inactive_credentials'],
  ['not_authorized', 403, 'permission', 'forbidden'],
  ['not_found', 404, 'not_found', 'resource_not_found'],
  ['endpoint_not_found', 404, 'not_found', 'endpoint_not_found'],
  ['http_method_not_allowed', 405, 'invalid_request', 'method_not_allowed'],
  ['validation_failed', 422, 'invalid_request', 'validation_failed'],
  ['too_many_requests', 429, 'rate_limited', 'throttled'],
  ['server_error', 500, 'internal', 'internal_error'],
] as const

describe('medipimCatalog', () => {
  it('holds exactly the 12 documented codes', () => {
    expect(medipimCatalog.vendor).toBe('medipim')
    expect(medipimCatalog.entries.map((entry) => entry.code).sort()).toEqual(documented.map(([code]) => code).sort())
  })

  it.each(documented)('%s (%i) -> %s / %s', (code, status, kind, reason) => {
    expect(medipimCatalog.lookup(code)).toMatchObject({ status, kind, reason })
  })

  it('uses only reasons of the contract vocabulary and Medipim\'s own sentences', () => {
    for (const entry of medipimCatalog.entries) {
      expect(kindTable[entry.kind].reasons as ReadonlyArray<string>).toContain(entry.reason)
      expect(entry.description).toMatch(/^[A-Z].*\.$/)
    }
    expect(medipimCatalog.lookup('authentication.api_key_is_not_active')?.description).toContain('info@medipim.com')
  })

  it('makes only too_many_requests retryable', () => {
    const retryable = medipimCatalog.entries.filter((entry) => (entry.retryable ?? kindTable[entry.kind].retryable)).map((entry) => entry.code)
    expect(retryable).toEqual(['too_many_requests'])
  })

  it('does not find prototype members', () => {
    expect(medipimCatalog.lookup('constructor')).toBeUndefined()
    expect(medipimCatalog.lookup('__proto__')).toBeUndefined()
  })
})

describe('medipimNamespaces', () => {
  it('is derived from the dotted codes: authentication only', () => {
    expect([...medipimNamespaces]).toEqual([['authentication', 'authentication']])
  })

  it('reads the namespace of dotted codes only', () => {
    expect(namespaceOf('authentication.token_revoked')).toBe('authentication')
    expect(namespaceOf('a.b.c')).toBe('a')
    expect(namespaceOf('bad_request')).toBeUndefined()
    expect(namespaceOf('.leading')).toBeUndefined()
  })
})

describe('medipimMeaning', () => {
  it('maps a documented code by meaning, whatever the status', () => {
    expect(medipimMeaning('too_many_requests', 500)).toEqual({ kind: 'rate_limited', reason: 'throttled', retryable: true, recognized: true })
  })

  it('maps an unknown code of a known namespace to the namespace kind', () => {
    expect(medipimMeaning('authentication.token_revoked', 403)).toEqual({ kind: 'authentication', reason: 'unrecognized', retryable: false, recognized: false })
  })

  it('falls back to the status for unknown namespaces, flat codes and no code', () => {
    expect(medipimMeaning('billing.card_declined', 429)).toEqual({ kind: 'rate_limited', reason: 'throttled', retryable: true, recognized: false })
    expect(medipimMeaning('teapot', 418)).toMatchObject({ kind: 'invalid_request', reason: 'unrecognized', recognized: false })
    expect(medipimMeaning(null, 503)).toMatchObject({ kind: 'unavailable', reason: 'service_unavailable', recognized: false })
    expect(medipimMeaning('constructor', null)).toMatchObject({ kind: 'unknown', reason: 'unrecognized', recognized: false })
  })
})
