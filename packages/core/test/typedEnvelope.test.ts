import { createNormalizer } from '../src/normalizer'
import { readResponse } from '../src/input/view'
import { describe, expect, it } from 'vitest'
import { defineCatalog } from '../src/catalog'
import { createTypedEnvelopeAdapter } from '../src/typedEnvelope'

const entries = [{ code: 'invalid_key', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'The key is wrong.' }] as const

describe('typed envelope decode', () => {
  it('is total: an input that cannot be read at all is an unknown error, not a throw', () => {
    const adapter = createTypedEnvelopeAdapter({
      id: 'acme',
      catalog: defineCatalog('acme', entries),
      types: [],
      writesNullParam: false,
      documentation: { title: 'Acme', overview: '', normalForm: [], notes: [] },
    })
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') }, getOwnPropertyDescriptor: () => { throw new Error('trap') } })
    // Reading gives the view of nothing (no status, no body), which the adapter answers without throwing...
    for (const input of [hostile, null]) expect(adapter.decode(readResponse(input as never))).toBeNull()
    // ...and which the normalizer, told that this was a failure, reports as unknown.
    const { normalizeError } = createNormalizer([adapter])
    for (const input of [hostile, null]) expect(normalizeError('acme', input)).toMatchObject({ kind: 'unknown', vendor: 'acme', recognized: false })
  })
})
