import { createNormalizer, renderCatalogMarkdown } from '@faultline/core'
import { adapterLaws, medipimNormalFormResponse, medipimWireResponse } from '@faultline/testing'
import { describe, expect, it } from 'vitest'
import { medipimAdapter as adapter } from '../src/adapter'
import { medipimCatalog } from '../src/catalog'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const options = { now }
// 1,000 runs take well under a second alone; the margin is for a loaded CI machine.
const lawTimeout = 30_000

const laws = adapterLaws(adapter, { normalForm: medipimNormalFormResponse(), anyResponse: medipimWireResponse({ now }), now })

describe('Medipim round-trip laws (contract §6), 1,000 runs each', () => {
  it('L1: encode(decode(w)) = w for every w in the normal form', laws.l1, lawTimeout)
  it('L2: decode(encode(decode(w))) = decode(w) for every wire response', laws.l2, lawTimeout)
  it('L3: every output of decode is a CanonicalError that survives JSON', laws.l3, lawTimeout)
})

describe('medipimAdapter', () => {
  it('is the adapter of vendor medipim over medipimCatalog', () => {
    expect(adapter.id).toBe('medipim')
    expect(adapter.catalog).toBe(medipimCatalog)
  })

  it('renders a docs page with every code, the normal form and the assumptions', () => {
    const page = renderCatalogMarkdown(adapter)
    for (const entry of medipimCatalog.entries) expect(page).toContain(`| \`${entry.code}\` |`)
    expect(page).toContain('## Codes (12)')
    expect(page).toContain('`propertyPath`')
    expect(page.match(/\[assumption\]/g)).toHaveLength(2)
    expect(page).toContain('100,000')
  })

  it('works behind createNormalizer, with a WHATWG Headers and a fetch Response', async () => {
    const { normalizeError, normalizeResponse, encodeError } = createNormalizer([adapter])
    const error = normalizeError('medipim', {
      status: 401,
      headers: new Headers({ 'X-Request-Id': 'req_42' }),
      body: '{"error":{"status":401,"code":"authentication.api_key_is_not_active","message":"Inactive key."}}',
    })
    expect(error).toMatchObject({ kind: 'authentication', reason: 'inactive_credentials', requestId: 'req_42' })
    expect(encodeError('medipim', error!)).toMatchObject({ status: 401, headers: { 'x-request-id': 'req_42' } })

    const response = new Response('{"id":1}\n{"id":2}\n{"error":{"status":500,"code":"server_error","message":"Stream failed."}}\n', {
      status: 200,
      headers: { 'content-type': 'application/x-json-stream' },
    })
    expect(await normalizeResponse('medipim', response, options)).toMatchObject({ kind: 'internal', status: 500, message: 'Stream failed.' })
    const ok = new Response('{"id":1}\n{"id":2}\n', { status: 200, headers: { 'content-type': 'application/x-json-stream' } })
    expect(await normalizeResponse('medipim', ok, options)).toBeNull()
  })

  it('answers an unknown error, never null, for a bare body that holds no error', () => {
    const { normalizeError } = createNormalizer([adapter])
    expect(normalizeError('medipim', { data: [] })).toMatchObject({ kind: 'unknown' })
  })
})
