import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { KeyedHeap } from '../src/heap'

interface Item {
  readonly id: number
  heapIndex: number
}

describe('KeyedHeap', () => {
  it('pops in key order', () => {
    const heap = new KeyedHeap<Item>()
    const items = [5, 1, 4, 1, 3].map((key, id) => ({ id, heapIndex: -1, key }))
    for (const item of items) heap.push(item, item.key)
    const keys: Array<number> = []
    while (heap.size > 0) {
      keys.push(heap.peekKey())
      heap.pop()
    }
    expect(keys).toEqual([1, 1, 3, 4, 5])
    expect(heap.peekKey()).toBe(Number.POSITIVE_INFINITY)
    expect(heap.pop()).toBeUndefined()
  })

  it('agrees with a plain list for any pushes, key changes, removals and pops', () => {
    type Op = { push: number } | { update: [number, number] } | { remove: number } | { pop: true }
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ push: fc.integer({ min: -50, max: 50 }) }),
      fc.record({ update: fc.tuple(fc.nat(), fc.integer({ min: -50, max: 50 })) }),
      fc.record({ remove: fc.nat() }),
      fc.record({ pop: fc.constant(true as const) }),
    )
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const heap = new KeyedHeap<Item>()
        const model = new Map<Item, number>()
        let next = 0
        for (const op of ops) {
          const held = [...model.keys()]
          if ('push' in op) {
            const item = { id: next++, heapIndex: -1 }
            heap.push(item, op.push)
            model.set(item, op.push)
          } else if ('update' in op) {
            const item = held[op.update[0] % Math.max(1, held.length)]
            if (item === undefined) continue
            heap.update(item, op.update[1])
            model.set(item, op.update[1])
          } else if ('remove' in op) {
            const item = held[op.remove % Math.max(1, held.length)]
            if (item === undefined) continue
            heap.remove(item)
            model.delete(item)
            expect(item.heapIndex).toBe(-1)
            expect(heap.has(item)).toBe(false)
          } else {
            const top = heap.pop()
            if (top === undefined) expect(model.size).toBe(0)
            else {
              expect(model.get(top)).toBe(Math.min(...model.values()))
              model.delete(top)
            }
          }
          expect(heap.size).toBe(model.size)
          expect(heap.peekKey()).toBe(model.size === 0 ? Number.POSITIVE_INFINITY : Math.min(...model.values()))
          for (const [item, key] of model) {
            expect(heap.has(item)).toBe(true)
            expect(heap.keyOf(item)).toBe(key)
          }
          expect(new Set(heap.values())).toEqual(new Set(model.keys()))
        }
      }),
    )
  })
})
