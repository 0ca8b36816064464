import { canonicalError, kinds, kindTable, readResponse } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { createProblemAdapter, problemAdapter } from '../src/adapter'
import { problemCatalog } from '../src/catalog'
import { parseProblemType, problemType } from '../src/typeUri'

describe('problem catalog', () => {
  it('has one entry per kind and documented reason, plus each kind\'s unrecognized', () => {
    const expected = kinds.reduce((n, kind) => n + new Set([...kindTable[kind].reasons, 'unrecognized']).size, 0)
    expect(problemCatalog.entries).toHaveLength(expected)
    expect(problemCatalog.lookup('https://faultline.dev/problems/not_found/gone')).toMatchObject({ kind: 'not_found', reason: 'gone', status: 410 })
  })

  it('every type decodes back to its kind and reason, recognized', () => {
    for (const entry of problemCatalog.entries) {
      const error = canonicalError({ kind: entry.kind, reason: entry.reason, vendor: 'acme' })
      const decoded = problemAdapter.decode(readResponse(problemAdapter.encode(error)))
      expect(decoded).toMatchObject({ kind: entry.kind, reason: entry.reason, vendor: 'acme' })
    }
    expect(problemAdapter.decode(readResponse(problemAdapter.encode(canonicalError({ kind: 'transport', reason: 'aborted', vendor: 'x', retryable: false }))))?.retryable).toBe(false)
  })

  it('parses its own type URIs and nothing else', () => {
    expect(parseProblemType(problemType('timeout', 'custom_reason'))).toEqual({ kind: 'timeout', reason: 'custom_reason' })
    expect(parseProblemType('https://faultline.dev/problems/nope/x')).toBeUndefined()
    expect(parseProblemType('https://faultline.dev/problems/timeout/Bad-Reason')).toBeUndefined()
    expect(parseProblemType('https://faultline.dev/problems/timeout/a/b')).toBeUndefined()
    // A kind and reason of more than 128 characters is not faultline's: such a URI is not split.
    expect(parseProblemType(problemType('timeout', 'a'.repeat(120)))).toEqual({ kind: 'timeout', reason: 'a'.repeat(120) })
    expect(parseProblemType(problemType('timeout', 'a'.repeat(121)))).toBeUndefined()
    expect(parseProblemType('https://example.com/problems/timeout/timeout')).toBeUndefined()
  })

  it('a custom type base is written and recognized by its own adapter only', () => {
    const acme = createProblemAdapter({ id: 'acme', typeBase: 'https://errors.acme.example/' })
    const wire = acme.encode(canonicalError({ kind: 'conflict', reason: 'already_exists', vendor: 'acme', status: 409 }))
    expect(acme.decode(readResponse(wire))).toMatchObject({ kind: 'conflict', reason: 'already_exists', recognized: true })
    expect(problemAdapter.decode(readResponse(wire))).toMatchObject({ kind: 'conflict', reason: 'unrecognized', vendorCode: 'https://errors.acme.example/conflict/already_exists' })
  })
})
