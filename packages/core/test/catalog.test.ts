import { readResponse } from '../src/input/view'
import { describe, expect, it } from 'vitest'
import { defineCatalog, documentedMeaning, meaningOfEntry, type Catalog } from '../src/catalog'
import { createTypedEnvelopeAdapter } from '../src/typedEnvelope'

const entries = [
  { code: 'invalid_key', status: 401, kind: 'authentication', reason: 'invalid_credentials', description: 'The key is wrong.' },
  { code: 'slow_down', status: 429, kind: 'rate_limited', reason: 'throttled', retryable: true, description: 'Too many calls.' },
] as const

describe('catalog meanings', () => {
  it('gives each documented code the meaning of its entry, and nothing for any other code', () => {
    const catalog = defineCatalog('acme', entries)
    for (const entry of entries) expect(documentedMeaning(catalog, entry.code)).toBe(meaningOfEntry(catalog.lookup(entry.code)!))
    for (const code of ['unknown', 'constructor', '__proto__', 42, null, undefined]) expect(documentedMeaning(catalog, code)).toBeUndefined()
  })

  it('works with a hand-written catalog that has no meaningOfCode', () => {
    const defined = defineCatalog('acme', entries)
    const handWritten: Catalog = { vendor: 'acme', entries, lookup: defined.lookup, entryFor: defined.entryFor }
    const adapter = createTypedEnvelopeAdapter({
      id: 'acme',
      catalog: handWritten,
      types: [],
      writesNullParam: false,
      documentation: { title: 'Acme', overview: '', normalForm: [], notes: [] },
    })
    const response = { status: 401, headers: {}, body: { error: { code: 'invalid_key', message: 'nope' } } }
    expect(adapter.decode(readResponse(response))).toMatchObject({ kind: 'authentication', reason: 'invalid_credentials', recognized: true })
  })
})
