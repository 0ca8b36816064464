import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { GroupIndex } from '../src/groupIndex'

type Values = ReadonlyArray<string>

// An error is its list of values here: field i reads value i.
const readers = (fields: number) => Array.from({ length: fields }, (_, i) => (error: Values) => error[i] as string)

// Values that a joined key would have to escape, and the empty string.
const valueArb = fc.constantFrom('', 'a', 'b', 'a\u0000b', '\u0000', '\u0001', '\u0000overflow', 'other')

type Op = { add: Values } | { delete: Values } | { get: Values }

describe('GroupIndex', () => {
  it('finds, adds and drops groups as a Map keyed by the whole list of values does', () => {
    const caseArb = fc.integer({ min: 0, max: 3 }).chain((fields) =>
      fc.tuple(
        fc.constant(fields),
        fc.array(
          fc.oneof(
            fc.record({ add: fc.array(valueArb, { minLength: fields, maxLength: fields }) }),
            fc.record({ delete: fc.array(valueArb, { minLength: fields, maxLength: fields }) }),
            fc.record({ get: fc.array(valueArb, { minLength: fields, maxLength: fields }) }),
          ) as fc.Arbitrary<Op>,
          { maxLength: 60 },
        ),
      ),
    )
    fc.assert(
      fc.property(caseArb, ([fields, ops]) => {
        const index = new GroupIndex<Values, string>(readers(fields))
        const reference = new Map<string, string>()
        for (const op of ops) {
          if ('add' in op) {
            const key = JSON.stringify(op.add)
            if (reference.has(key)) continue // `add` is only called for values no group is held under
            index.add(op.add, key)
            reference.set(key, key)
          } else if ('delete' in op) {
            index.delete(op.delete)
            reference.delete(JSON.stringify(op.delete))
          } else {
            const expected = reference.get(JSON.stringify(op.get))
            expect(index.get(op.get)).toBe(expected)
            expect(index.find(op.get)).toBe(expected)
          }
          expect(index.size).toBe(reference.size)
        }
        for (const key of reference.keys()) index.delete(JSON.parse(key) as Values)
        expect(index.size).toBe(0)
        // Levels left empty are dropped with their last group: nothing is held once every group is gone.
        expect((index as unknown as { root: Map<string, unknown> }).root.size).toBe(0)
      }),
    )
  })

  it('reads the values of an error in field order', () => {
    const index = new GroupIndex<{ vendor: string; reason: string }, string>([(error) => error.vendor, (error) => error.reason])
    expect(index.valuesOf({ vendor: 'medblocks', reason: 'throttled' })).toEqual(['medblocks', 'throttled'])
  })

  it('holds the one group of a rule without group-by fields', () => {
    const index = new GroupIndex<Values, string>([])
    expect(index.find([])).toBeUndefined()
    index.add([], 'all')
    expect(index.find([])).toBe('all')
    expect(index.get([])).toBe('all')
    expect(index.size).toBe(1)
    index.delete([])
    index.delete([])
    expect(index.size).toBe(0)
  })

  it('answers no group for a list of values of another length', () => {
    const index = new GroupIndex<Values, string>(readers(2))
    index.add(['a', 'b'], 'ab')
    expect(index.get(['a'])).toBeUndefined()
    expect(index.get(['a', 'b', 'c'])).toBeUndefined()
  })
})
