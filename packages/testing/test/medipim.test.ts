import { isStreamContentType, readHeaders } from '@faultline/core/internal'
import { medipimCatalog } from '@faultline/medipim'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { medipimNormalFormResponse, medipimWireResponse } from '../src/medipim'

const envelopeMembers = ['status', 'code', 'message', 'violations']

const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns = 3000): T[] => fc.sample(arbitrary, { numRuns, seed: 42 })

const errorOf = (body: unknown): Record<string, unknown> | undefined =>
  typeof body === 'object' && body !== null && 'error' in body ? ((body as { error: Record<string, unknown> }).error) : undefined

const textOf = (body: unknown): string | undefined =>
  typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : undefined

describe('medipimNormalFormResponse', () => {
  it('writes exactly the normal form: error.status = status, non-blank message, violations inside error, known headers', () => {
    for (const wire of sample(medipimNormalFormResponse(), 1000)) {
      const error = errorOf(wire.body)!
      expect(Object.keys(wire.body as object)).toEqual(['error'])
      expect(error.status).toBe(wire.status)
      expect(typeof error.message === 'string' && error.message.trim().length > 0).toBe(true)
      if ('violations' in error) {
        expect((error.violations as unknown[]).length).toBeGreaterThan(0)
        for (const element of error.violations as Array<Record<string, unknown>>) expect(Object.keys(element).every((key) => ['propertyPath', 'message', 'code'].includes(key))).toBe(true)
      }
      for (const name of Object.keys(wire.headers)) expect(['retry-after', 'x-request-id', 'allow']).toContain(name)
      if ('allow' in wire.headers) expect(wire.status).toBe(405)
      expect(Object.keys(error).filter((key) => key === 'allow')).toEqual([])
    }
  })

  it('gives documented codes their documented status', () => {
    for (const wire of sample(medipimNormalFormResponse(), 1000)) {
      const entry = medipimCatalog.lookup(errorOf(wire.body)?.code)
      if (entry !== undefined) expect(wire.status).toBe(entry.status)
    }
  })
})

describe('medipimWireResponse', () => {
  const responses = sample(medipimWireResponse())

  const count = (predicate: (response: (typeof responses)[number]) => boolean): number => responses.filter(predicate).length

  const streamLines = (response: (typeof responses)[number]): string[] | undefined => {
    const text = textOf(response.body)
    return text !== undefined && isStreamContentType(readHeaders(response.headers).get('content-type')) ? text.split('\n').filter((line) => line.length > 0) : undefined
  }
  const errorLineAt = (lines: string[]): number => lines.findIndex((line) => line.startsWith('{"error":'))

  it('covers every documented code, unknown dotted and flat codes', () => {
    const codes = new Set(responses.map((response) => errorOf(response.body)?.code).filter((code): code is string => typeof code === 'string'))
    for (const entry of medipimCatalog.entries) expect(codes).toContain(entry.code)
    const unknown = [...codes].filter((code) => medipimCatalog.lookup(code) === undefined)
    expect(unknown.some((code) => code.startsWith('authentication.'))).toBe(true)
    expect(unknown.some((code) => code.includes('.') && !code.startsWith('authentication.'))).toBe(true)
    expect(unknown.some((code) => !code.includes('.'))).toBe(true)
  })

  it('covers violations with propertyPath and path, inside error and at the top level, and non-object elements', () => {
    const inside = responses.map((response) => errorOf(response.body)?.violations).filter(Array.isArray)
    const top = responses.map((response) => (response.body as { violations?: unknown } | null)?.violations).filter(Array.isArray)
    expect(inside.length).toBeGreaterThan(50)
    expect(top.length).toBeGreaterThan(50)
    const elements = [...inside, ...top].flat()
    expect(elements.some((element) => typeof element === 'object' && element !== null && 'propertyPath' in element)).toBe(true)
    expect(elements.some((element) => typeof element === 'object' && element !== null && 'path' in element)).toBe(true)
    expect(elements.some((element) => typeof element !== 'object' || element === null)).toBe(true)
  })

  it('covers 200 JSON streams with an error line in the middle, at the end, or none', () => {
    const streams = responses.map((response) => ({ response, lines: streamLines(response) })).filter((entry) => entry.lines !== undefined && entry.response.status === 200)
    const at = streams.map(({ lines }) => ({ index: errorLineAt(lines!), length: lines!.length }))
    expect(at.filter(({ index, length }) => index > 0 && index < length - 1).length).toBeGreaterThan(10)
    expect(at.filter(({ index, length }) => index > 0 && index === length - 1).length).toBeGreaterThan(10)
    expect(at.filter(({ index }) => index === -1).length).toBeGreaterThan(10)
  })

  it('covers the three header forms, HTML and empty bodies, 2xx envelopes and unknown extra members', () => {
    expect(count((response) => response.headers instanceof Headers)).toBeGreaterThan(100)
    expect(count((response) => Array.isArray(response.headers))).toBeGreaterThan(100)
    expect(count((response) => !Array.isArray(response.headers) && !(response.headers instanceof Headers))).toBeGreaterThan(100)
    expect(count((response) => typeof response.body === 'string' && response.body.startsWith('<html>'))).toBeGreaterThan(0)
    expect(count((response) => response.body === '' || response.body === undefined)).toBeGreaterThan(0)
    expect(count((response) => response.status < 300 && errorOf(response.body) !== undefined)).toBeGreaterThan(10)
    expect(count((response) => Object.keys(errorOf(response.body) ?? {}).some((key) => !envelopeMembers.includes(key)))).toBeGreaterThan(100)
    expect(count((response) => response.status === 405 && readHeaders(response.headers).has('allow'))).toBeGreaterThan(10)
  })
})
