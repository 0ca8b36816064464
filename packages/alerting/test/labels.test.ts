import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bundledVendors, createLabeler, exactStatuses, reasonVocabulary, statusLabel } from '@faultline/alerting'
import { kinds } from '@faultline/core'
import { errors } from './fixtures/errors'

describe('statusLabel', () => {
  it('keeps the common statuses exact, writes the others by class, and none for no status', () => {
    expect(statusLabel(401)).toBe('401')
    expect(statusLabel(429)).toBe('429')
    expect(statusLabel(418)).toBe('4xx')
    expect(statusLabel(200)).toBe('2xx')
    expect(statusLabel(599)).toBe('5xx')
    expect(statusLabel(null)).toBe('none')
  })
})

describe('createLabeler', () => {
  it('labels a real error', () => {
    expect(createLabeler().labels(errors.medblocksInvalidApiKey())).toEqual({
      vendor: 'medblocks',
      kind: 'authentication',
      reason: 'invalid_credentials',
      status: '401',
      recognized: 'true',
      retryable: 'false',
    })
    expect(createLabeler().labels(errors.transportRefused()).status).toBe('none')
  })

  it('bounds every label, whatever the vendor sends: unknown vendors and reasons are "other"', () => {
    const labeler = createLabeler()
    const allowed = {
      vendor: new Set([...bundledVendors, 'other']),
      kind: new Set<string>(kinds),
      reason: new Set([...reasonVocabulary, 'other']),
      status: new Set([...exactStatuses.map(String), '1xx', '2xx', '3xx', '4xx', '5xx', 'none']),
      recognized: new Set(['true', 'false']),
      retryable: new Set(['true', 'false']),
    }
    fc.assert(
      fc.property(
        fc.string(),
        fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: null }),
        fc.boolean(),
        (vendor, reason, status, recognized) => {
          const labels = labeler.labels(errors.medableUnknownCode({ vendor, reason, status, recognized }))
          for (const [name, value] of Object.entries(labels)) expect(allowed[name as keyof typeof allowed].has(value), `${name}=${value}`).toBe(true)
        },
      ),
    )
  })

  it('keeps the vendors and extra reasons of its policy; "other" can never be allowed verbatim', () => {
    const labeler = createLabeler({ vendors: ['acme', 'other'], reasons: ['acme_specific', 'other'] })
    expect(labeler.vendor('acme')).toBe('acme')
    expect(labeler.vendor('medblocks')).toBe('other')
    expect(labeler.reason('acme_specific')).toBe('acme_specific')
    expect(labeler.reason('invalid_field')).toBe('invalid_field')
    expect(labeler.keepsVendor('other')).toBe(false)
    expect(labeler.keepsReason('other')).toBe(false)
  })
})
