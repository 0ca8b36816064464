import { CanonicalError, createNormalizer, renderCatalogMarkdown } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { medableAdapter } from '../src/adapter'
import { medableCatalog } from '../src/catalog'
import { medableTreeBounds } from '../src/faultTree'
import { seedValidationFault } from './fixtures'

const { normalizeError, encodeError } = createNormalizer([medableAdapter])

describe('medableAdapter through createNormalizer', () => {
  it('decodes a response, a bare fault body and a fault on a 200', () => {
    expect(normalizeError('medable', { status: 400, body: seedValidationFault })?.violations).toHaveLength(4)
    expect(normalizeError('medable', seedValidationFault)).toMatchObject({ kind: 'invalid_request', status: 400 })
    expect(normalizeError('medable', { status: 202, body: { object: 'fault', code: 'kMediaNotReady', status: 202 } })).toMatchObject({ kind: 'pending', status: 202 })
    expect(normalizeError('medable', { status: 200, body: { object: 'result', data: {} } })).toBeNull()
  })

  it('round-trips through encodeError', () => {
    const error = normalizeError('medable', { status: 403, headers: [['X-Request-Id', 'req_7']], body: { object: 'fault', name: 'session', code: 'kSessionExpired', status: 403, message: 'Your session has expired.' } })!
    expect(error).toMatchObject({ kind: 'authentication', reason: 'session_expired', requestId: 'req_7' })
    expect(normalizeError('medable', encodeError('medable', error))).toEqual(error)
  })

  it('decodes a thrown value with Medable members only when they are its own', () => {
    const thrown = Object.assign(new Error('Your session has expired.'), { errCode: 'cortex.accessDenied.sessionExpired', code: 'kSessionExpired', statusCode: 403, name: 'session', faults: [] })
    expect(normalizeError('medable', thrown)).toMatchObject({ kind: 'authentication', reason: 'session_expired', status: 403, vendorType: 'session', extensions: { errCode: 'cortex.accessDenied.sessionExpired' } })
    expect(CanonicalError.is(normalizeError('medable', thrown))).toBe(true)
    const plain = normalizeError('medable', new TypeError('x'))
    expect(plain).toMatchObject({ kind: 'unknown', vendorCode: null })
  })
})

describe('medableAdapter documentation', () => {
  const page = renderCatalogMarkdown(medableAdapter)

  it('lists every code of the catalog on the generated page', () => {
    expect(page).toContain(`## Codes (${medableCatalog.entries.length})`)
    for (const entry of medableCatalog.entries) expect(page).toContain(`| \`${entry.code}\` |`)
  })

  it('states the exact tree bounds and the normal form', () => {
    expect(medableTreeBounds).toEqual({ maxCauseDepth: 32, maxCauses: 10_000, maxViolations: 100_000, maxScannedFaults: 10_000_000, maxExtensionNodes: 100_000, maxText: 2 ** 24 })
    expect(page).toContain('causes keep 32 levels below the root and 10,000 errors in pre-order; violations keep 100,000 entries')
    expect(medableAdapter.documentation.normalForm.length).toBeGreaterThan(3)
  })
})

describe('medableAdapter notes', () => {
  it('render the errCode category table from the data', () => {
    const notes = medableAdapter.documentation.notes.join('\n')
    expect(notes).toContain('invalidArgument->kInvalidArgument, validation->kValidationError')
    expect(notes).toContain('unsupportedOperation->kUnsupportedOperation)')
  })
})
