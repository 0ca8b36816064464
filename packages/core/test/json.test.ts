import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { copyExtras, extraMembers, gatherMembers, isJson, splitMembers, toJson } from '../src/json'

describe('toJson', () => {
  it('copies JSON as it is', () => {
    const value = { a: [1, 'x', null, true, { b: 2 }] }
    expect(toJson(value)).toEqual(value)
  })

  it('drops cycles, functions, undefined and non-finite numbers, and writes -0 as 0', () => {
    const cyclic: Record<string, unknown> = { keep: 1, fn: () => 1, u: undefined, n: Number.NaN, z: -0 }
    cyclic.self = cyclic
    const copy = toJson(cyclic)
    expect(copy).toEqual({ keep: 1, z: 0 })
    expect(Object.is((copy as { z: number }).z, 0)).toBe(true)
  })

  it('skips getters without running them', () => {
    const value = Object.defineProperty({ a: 1 }, 'secret', { get: () => { throw new Error('ran') }, enumerable: true })
    expect(toJson(value)).toEqual({ a: 1 })
  })

  it('is bounded in depth and size, iteratively safe', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 100_000; i++) deep = { d: deep }
    expect(() => toJson(deep)).not.toThrow()
    const wide = Array.from({ length: 50_000 }, (_, i) => i)
    expect((toJson(wide, { maxNodes: 100, maxDepth: 4 }) as unknown[]).length).toBeLessThan(100)
  })

  it('lists the keys of an object referenced many times once, per copy or per shared budget', () => {
    let listed = 0
    const counted = new Proxy({ a: 1 }, { ownKeys: (target) => (listed++, Reflect.ownKeys(target)) })
    expect(toJson({ many: Array(1_000).fill(counted) })).toEqual({ many: Array(1_000).fill({ a: 1 }) })
    expect(listed).toBe(1)
    const shared = { remaining: 100_000 }
    toJson({ x: counted }, undefined, shared)
    toJson({ y: counted }, undefined, shared)
    expect(listed).toBe(2)
  })

  it('spends a step of its budget on each member it cannot hold, so that skipping them is bounded too', () => {
    const limits = { maxNodes: 3, maxDepth: 4 }
    expect(toJson({ skipped: undefined, alsoSkipped: undefined, kept: 1 }, limits)).toEqual({})
    expect(toJson({ kept: 1, skipped: undefined }, limits)).toEqual({ kept: 1 })
    const shared = { remaining: 2, exhausted: false }
    expect(toJson({ skipped: undefined, kept: 1 }, { maxNodes: 10, maxDepth: 4 }, shared)).toEqual({})
    expect(shared.exhausted).toBe(true)
  })

  it('counts the characters of keys and strings, at every reference, against maxText', () => {
    const text = 'x'.repeat(10)
    const limits = { maxNodes: 1_000, maxDepth: 8, maxText: 35 }
    // Each element is 10 characters, wherever it repeats: three fit, the fourth cuts the array (no null left).
    expect(toJson([text, text, text, text, text], limits)).toEqual([text, text, text])
    // Keys count too: `k0` + 10 is 12 characters a member.
    expect(toJson({ k0: text, k1: text, k2: text, k3: text }, limits)).toEqual({ k0: text, k1: text })
    // A value cut short is kept under its key.
    expect(toJson({ list: [text, text, text, text] }, limits)).toEqual({ list: [text, text, text] })
    const shared = { remaining: 1_000, text: 25 }
    expect(toJson({ a: text, b: text }, undefined, shared)).toEqual({ a: text, b: text })
    expect(toJson({ c: text }, undefined, shared)).toEqual({})
    expect(shared).toMatchObject({ exhausted: true })
  })

  it('keeps a __proto__ key as an own member without polluting prototypes', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as object
    const copy = toJson(parsed) as Record<string, unknown>
    expect(Object.keys(copy)).toEqual(['__proto__', 'a'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(JSON.parse(JSON.stringify(copy))).toEqual(parsed)
  })
})

describe('extraMembers', () => {
  it('keeps unknown own members in order, leaving out the known ones', () => {
    expect(extraMembers({ code: 'x', trace: 't', index: 2 }, new Set(['code']))).toEqual({ trace: 't', index: 2 })
  })

  it('reads own members only: inherited keys are skipped, a throwing getter or trap hides only itself', () => {
    const polluted = Object.prototype as Record<string, unknown>
    polluted.code = 'from-the-prototype'
    polluted.extra = 'from-the-prototype'
    try {
      const seen: string[] = []
      const extras = splitMembers({ message: 'm', upstream: 'epic' }, new Set(['code', 'message']), (key) => seen.push(key))
      expect(seen).toEqual(['message'])
      expect(extras).toEqual({ upstream: 'epic' })
    } finally {
      delete polluted.code
      delete polluted.extra
    }
    const hostile = { get trap(): string { throw new Error('trap') }, kept: 1 }
    expect(extraMembers(hostile, new Set())).toEqual({ kept: 1 })
    const proxy = new Proxy({ a: 1 }, { ownKeys: () => { throw new Error('keys') } })
    expect(extraMembers(proxy, new Set())).toEqual({})
  })
})

describe('copyExtras', () => {
  it('builds a record of primitives directly only when its text fits: otherwise it is the bounded copy', () => {
    const read = () => false
    const limits = { maxNodes: 1_000, maxDepth: 8, maxText: 30 }
    const source = { a: 'x'.repeat(10), b: 'y'.repeat(10), c: 'z'.repeat(10) }
    const gathered = gatherMembers(source, undefined, read)
    expect([gathered.flat, gathered.text]).toEqual([true, 33])
    expect(copyExtras(gathered, limits)).toEqual(toJson(source, limits))
    expect(copyExtras(gathered, limits)).toEqual({ a: source.a, b: source.b })
    const shared = { remaining: 1_000, text: 40 }
    expect(copyExtras(gatherMembers(source, undefined, read), undefined, shared)).toEqual(source)
    expect(shared.text).toBe(7)
    expect(copyExtras(gatherMembers(source, undefined, read), undefined, shared)).toEqual({})
    expect(shared).toMatchObject({ exhausted: true })
  })
})

describe('gatherMembers', () => {
  // What a pass must read: the own enumerable string-keyed members, in key order, whatever the prototype.
  const ownMembers = (source: object) => Object.keys(source).map((key) => [key, (source as Record<string, unknown>)[key]])

  it('reads the own enumerable members of an object of any prototype, in key order, and nothing inherited', () => {
    const sourceArb = fc.tuple(
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 8 }),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 8 }),
      fc.constantFrom('plain', 'null', 'prototype', 'class'),
    )
    class Fault {}
    fc.assert(
      fc.property(sourceArb, ([own, inherited, form]) => {
        const prototype = form === 'plain' ? Object.prototype : form === 'null' ? null : form === 'class' ? Fault.prototype : inherited
        const source = Object.assign(Object.create(prototype) as object, own)
        Object.defineProperty(source, 'hidden', { value: 1, enumerable: false })
        const read: Array<[string, unknown]> = []
        const gathered = gatherMembers(source, read, (fields, key, value) => (fields.push([key, value]), true))
        expect(read).toEqual(ownMembers(source))
        expect([gathered.members, gathered.complete, gathered.threw]).toEqual([read.length, true, false])
      }),
    )
  })

  it('never lists the keys of a prototype (which may hold a million, shared by every fault of a tree)', () => {
    let listed = 0
    const prototype = new Proxy({ inherited: 1 }, { ownKeys: (target) => (listed++, Reflect.ownKeys(target)) })
    const source = Object.assign(Object.create(prototype) as object, { code: 'c' })
    expect(gatherMembers(source, undefined, () => false).extras).toEqual({ code: 'c' })
    expect(listed).toBe(0)
  })

  it('stops after maxMembers members, and says it did not see them all', () => {
    const gathered = gatherMembers({ a: 1, b: 2, c: 3 }, undefined, () => false, 2)
    expect([gathered.extras, gathered.members, gathered.complete]).toEqual([{ a: 1, b: 2 }, 2, false])
  })
})

describe('isJson', () => {
  it('tells JSON from values JSON changes', () => {
    expect(isJson({ a: [1, { b: null }] })).toBe(true)
    expect(isJson({ a: -0 })).toBe(false)
    expect(isJson({ a: new Date() })).toBe(false)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(isJson(cyclic)).toBe(false)
  })
})

describe('isJson on shared subtrees', () => {
  it('accepts a subtree referenced twice (JSON duplicates it)', () => {
    const shared = { x: 1 }
    expect(isJson({ a: shared, b: [shared, shared] })).toBe(true)
  })
  it('rejects undefined members and array holes', () => {
    expect(isJson({ a: undefined })).toBe(false)
    expect(isJson([1, undefined])).toBe(false)
  })
  it('handles depth 100,000 without recursion', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(isJson(deep)).toBe(true)
  })
})

describe('toJson and a shared budget', () => {
  it('is cut, and says so, only when a value is left out', () => {
    const trailing = { remaining: 2 }
    expect(toJson({ a: 1, b: undefined }, undefined, trailing)).toEqual({ a: 1 })
    expect(trailing).not.toHaveProperty('exhausted')
    const left = { remaining: 2 }
    expect(toJson({ a: 1, b: 2 }, undefined, left)).toEqual({ a: 1 })
    expect(left).toMatchObject({ exhausted: true })
  })

  it("charges the shared text even where the copy's own bound cuts first", () => {
    const shared = { remaining: 1_000, text: 100 }
    expect(toJson({ a: 'x'.repeat(10), b: 'y'.repeat(200) }, { maxNodes: 100, maxDepth: 4, maxText: 50 }, shared)).toEqual({ a: 'x'.repeat(10) })
    expect(shared).toMatchObject({ exhausted: true })
  })
})
