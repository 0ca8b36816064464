import { afterEach, describe, expect, it, vi } from 'vitest'
import { findStreamError } from '../src/stream'

const lines = (...values: unknown[]): string[] => values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))

describe('findStreamError', () => {
  afterEach(() => vi.restoreAllMocks())

  it('finds an error line in the middle of a stream', () => {
    const found = findStreamError(lines({ id: 1 }, { error: { status: 500, code: 'server_error', message: 'boom' } }, { id: 2 }))
    expect(found?.error).toEqual({ status: 500, code: 'server_error', message: 'boom' })
  })

  it('takes the first of several error lines', () => {
    const found = findStreamError(lines({ error: { code: 'first' } }, { error: { code: 'second' } }))
    expect(found?.error).toEqual({ code: 'first' })
  })

  it('returns the line value as container, for top-level violations', () => {
    const found = findStreamError(lines({ error: { code: 'validation_failed' }, violations: [] }))
    expect(found?.container).toEqual({ error: { code: 'validation_failed' }, violations: [] })
  })

  it('finds nothing in a stream of products', () => {
    expect(findStreamError(lines({ id: 1, name: 'Aspirin' }, { id: 2, name: 'error free' }))).toBeUndefined()
  })

  it('ignores nested errors, non-object errors and broken lines', () => {
    expect(findStreamError(lines({ data: { error: { code: 'x' } } }, { error: 'oops' }, { error: ['x'] }, '{"error": {', '[{"error":{}}]'))).toBeUndefined()
  })

  it('finds an error whose key is written with a \\u escape', () => {
    expect(findStreamError(['{"\\u0065rror":{"code":"server_error"}}'])?.error).toEqual({ code: 'server_error' })
  })

  it('parses only lines that may hold an error', () => {
    const parse = vi.spyOn(JSON, 'parse')
    findStreamError(lines({ id: 1 }, { id: 2 }, { id: 3, note: 'errors' }, { error: { code: 'x' } }))
    expect(parse).toHaveBeenCalledTimes(1)
  })
})
