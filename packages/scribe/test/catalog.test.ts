import { kindTable } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { scribeCatalog } from '../src/catalog'

// The 8 codes of scribe-errors.txt, their documented status, and the meaning we promise for each.
const documented = [
  ['parameter_missing', 400, 'invalid_request', 'missing_field'],
  ['parameter_invalid', 400, 'invalid_request', 'invalid_field'],
  ['account_invalid', 400, 'permission', 'account_misconfigured'],
  ['authentication_required', 401, 'authentication', 'invalid_credentials'],
  ['permission_denied', 403, 'permission', 'forbidden'],
  ['resource_not_found', 404, 'not_found', 'resource_not_found'],
  ['resource_conflict', 409, 'conflict', 'already_exists'],
  ['service_unavailable', 503, 'unavailable', 'dependency_failed'],
] as const

describe('scribeCatalog', () => {
  it('holds exactly the 8 documented codes', () => {
    expect(scribeCatalog.entries.map((entry) => entry.code).sort()).toEqual(documented.map(([code]) => code).sort())
  })

  it.each(documented)('%s (%s) -> %s / %s', (code, status, kind, reason) => {
    expect(scribeCatalog.lookup(code)).toMatchObject({ status, kind, reason })
  })

  it('uses only reasons of the contract vocabulary', () => {
    for (const entry of scribeCatalog.entries) expect(kindTable[entry.kind].reasons as ReadonlyArray<string>).toContain(entry.reason)
  })
})
