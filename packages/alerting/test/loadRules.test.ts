import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import fc from 'fast-check'
import { parse } from 'yaml'
import { AlertRuleError, defaultRules, loadRules, loadRulesOrThrow } from '@faultline/alerting'
import { kinds } from '@faultline/core'

const yamlConfig = `
rules:
  - id: credentials-failing
    summary: Our credentials fail.
    runbook: Rotate the key.
    match: { kind: authentication, reason: [invalid_credentials, expired_credentials] }
    groupBy: [vendor]
    threshold: { count: 3, windowSeconds: 300 }
    severity: page
  - id: vendor-degraded
    summary: A vendor is failing.
    runbook: Check the status page.
    match: { kind: [unavailable, timeout] }
    groupBy: [vendor]
    threshold: { count: 20, windowSeconds: 300 }
    forSeconds: 120
    severity: page
  - id: noisy
    summary: Too many things.
    runbook: Look.
    match: { status: 700, kinds: permission }
    groupBy: [vendor, vendor]
    threshold: { count: -1, windowSeconds: 60 }
    severity: urgent
`

describe('loadRules', () => {
  it('loads rules from YAML (and JSON) config', () => {
    const loaded = loadRules(parse(yamlConfig.split('  - id: noisy')[0] as string))
    expect(E.isRight(loaded) && loaded.right.map((rule) => [rule.id, rule.forSeconds])).toEqual([
      ['credentials-failing', undefined],
      ['vendor-degraded', 120],
    ])
    expect(loadRules(JSON.parse(JSON.stringify({ rules: defaultRules })))).toEqual(E.right(defaultRules))
    expect(loadRules(defaultRules)).toEqual(E.right(defaultRules)) // a bare list is fine too
  })

  it('reports every problem as one path-precise line', () => {
    expect(loadRules(parse(yamlConfig))).toEqual(
      E.left([
        'rules[2].match.status: expected an HTTP status or a non-empty list of them, got 700',
        'rules[2].match.kinds: unknown field; expected one of kind, vendor, reason, recognized, retryable, status, not',
        'rules[2].groupBy[1]: "vendor" is listed twice',
        'rules[2].threshold.count: expected a positive integer, got -1',
        'rules[2].severity: expected "page", "ticket" or "info", got "urgent"',
      ]),
    )
  })

  it('names missing fields, wrong roots and duplicate ids', () => {
    expect(loadRules({ rules: [{ id: 'x' }] })).toEqual(
      E.left([
        'rules[0]: missing its condition; expected exactly one of threshold, ratio, slo',
        'rules[0].summary: missing; expected a non-empty string',
        'rules[0].match: missing; expected a match object',
        'rules[0].groupBy: missing; expected a list of group-by fields',
      ]),
    )
    expect(loadRules('rules')).toEqual(E.left(['(root): expected a rule file object, got "rules"']))
    expect(loadRules({ rules: 3 })).toEqual(E.left(['rules: expected a list of alert rules, got 3']))
    const [first] = defaultRules
    expect(loadRules([first, defaultRules[1], first])).toEqual(E.left(['rules[2].id: duplicate id "credentials-failing" (also rules[0].id)']))
  })

  it('loadRulesOrThrow throws an AlertRuleError listing the problems', () => {
    expect(loadRulesOrThrow(defaultRules)).toEqual(defaultRules)
    try {
      loadRulesOrThrow({ rules: [{ ...defaultRules[0], threshold: { count: 0, windowSeconds: 1 } }] })
      expect.fail('expected a throw')
    } catch (error) {
      expect(error).toBeInstanceOf(AlertRuleError)
      expect((error as AlertRuleError).problems).toEqual(['rules[0].threshold.count: expected a positive integer, got 0'])
      expect((error as AlertRuleError).message).toContain('rules[0].threshold.count')
    }
  })
})

// Every input answers with a value: the rules, or problems that say what is wrong (never a throw, never "got ").
const answers = (config: unknown): ReadonlyArray<string> => {
  const loaded = loadRules(config)
  if (E.isRight(loaded)) return []
  expect(loaded.left.length).toBeGreaterThan(0)
  for (const problem of loaded.left) {
    expect(problem).toMatch(/^(?:.+: .*\S|and [\d,]+ more problems?)$/s)
    expect(problem).not.toMatch(/got $/)
    expect(problem.length).toBeLessThanOrEqual(1_001)
  }
  return loaded.left
}

const nested = (depth: number, inner: unknown = []): unknown => {
  let value = inner
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

const [credentials] = defaultRules
const validRule = { ...credentials }

describe('loadRules: totality', () => {
  it('answers 200,000-deep nested lists and objects with the rule that cannot be one', () => {
    expect(answers(nested(200_000))).toEqual(['rules[0]: expected an alert rule object, got [[[…]]]'])
    expect(answers({ rules: nested(200_000) })).toEqual(['rules[0]: expected an alert rule object, got [[[…]]]'])
    let deepObject: unknown = {}
    for (let i = 0; i < 200_000; i++) deepObject = { rules: deepObject }
    expect(answers(deepObject)).toEqual(['rules: expected a list of alert rules, got {"rules":{"rules":{…}}}'])
    expect(answers([{ ...validRule, match: { kind: nested(200_000, 'authentication') } }])).toEqual([
      `rules[0].match.kind[0]: expected a kind (${kinds.join(', ')}), got [[[…]]]`,
    ])
  })

  it('reports a getter or Proxy trap that throws at its path', () => {
    const throwing = (message: string) => () => {
      throw new Error(message)
    }
    expect(answers({ get rules() { return throwing('no rules for you')() } })).toEqual(['rules: reading it threw "no rules for you"'])
    const rule = Object.defineProperty({ ...validRule }, 'summary', { get: throwing('summary getter'), enumerable: true })
    expect(answers([rule])).toEqual(['rules[0].summary: reading it threw "summary getter"'])
    const trapped = new Proxy({}, { ownKeys: throwing('ownKeys trap'), get: throwing('get trap'), getOwnPropertyDescriptor: throwing('descriptor trap') })
    expect(answers(trapped)).toEqual(['(root): reading it threw "ownKeys trap"'])
    expect(answers({ rules: [validRule, trapped] })).toEqual(['rules[1]: reading it threw "ownKeys trap"'])
    expect(answers({ rules: new Proxy([validRule], { get: throwing('list get trap') }) })).toEqual(['rules: reading it threw "list get trap"'])
    const revoked = Proxy.revocable({}, {})
    revoked.revoke()
    expect(answers(revoked.proxy)[0]).toMatch(/^\(root\): reading it threw "Cannot perform 'IsArray' on a proxy that/)
    // A thrown value that is itself a trap: its message cannot be read either.
    const thrownProxy = new Proxy({}, { get: throwing('message trap') })
    expect(answers({ get rules() { throw thrownProxy } })).toEqual(['rules: reading it threw an exception that cannot be read'])
  })

  it('names a cycle instead of ending in "got "', () => {
    const list: unknown[] = []
    list.push(list)
    expect(answers([{ ...validRule, match: list }])).toEqual(['rules[0].match: expected a match object, got [<cycle>]'])
    const groupBy: unknown[] = ['vendor']
    groupBy.push(groupBy)
    expect(answers([{ ...validRule, groupBy }])).toEqual([
      'rules[0].groupBy[1]: expected a group-by field (vendor, kind, reason, vendorCode, status), got a reference to a value that contains it (a cycle)',
    ])
    const match: Record<string, unknown> = { kind: 'authentication' }
    match.self = match
    expect(answers([{ ...validRule, match }])).toEqual(['rules[0].match.self: unknown field; expected one of kind, vendor, reason, recognized, retryable, status, not'])
  })

  it('keeps problem lines short whatever the values (a 10 MB string, a long key, binary data)', () => {
    const long = 'x'.repeat(10_000_000)
    expect(answers([{ ...validRule, severity: long }])).toEqual([`rules[0].severity: expected "page", "ticket" or "info", got "${'x'.repeat(40)}…"`])
    const [keyProblem] = answers([{ ...validRule, [long]: 1 }])
    expect(keyProblem).toMatch(/^rules\[0\]\.x+…x+: unknown field; expected one of id, /)
    expect(keyProblem).toHaveLength(1_001)
    expect(answers([{ ...validRule, match: new Uint8Array(100_000_000) }])).toEqual(['rules[0].match: expected a match object, got binary data or a boxed string'])
    expect(answers({ rules: 3n })).toEqual(['rules: expected a list of alert rules, got 3n'])
    expect(answers({ rules: () => 'a function with a long body' })).toEqual(['rules: expected a list of alert rules, got a function'])
  })

  it('lists the first problems and counts the rest: 20,000 bad rules make 101 lines, not 100,000', { timeout: 15_000 }, () => {
    // Their 100,000 errors, spread into one call, overflowed the stack.
    const bad = Array.from({ length: 20_000 }, () => ({ id: 'Bad Id' }))
    const problems = answers(bad)
    expect(problems).toHaveLength(101)
    expect(problems[100]).toBe('and 99,900 more problems')
    const few = loadRules(bad, { maxProblems: 3 })
    expect(E.isLeft(few) && few.left).toEqual([
      'rules[0]: missing its condition; expected exactly one of threshold, ratio, slo',
      'rules[0].id: expected a kebab-case id, got "Bad Id"',
      'rules[0].summary: missing; expected a non-empty string',
      'and 99,997 more problems',
    ])
  })

  it('ends in bounded time on a value that shares itself far beyond any rule file', { timeout: 15_000 }, () => {
    // 100,000 rules, each listing 1,000 kinds: 10^8 values to check, held in a few KB.
    const rule = { ...validRule, match: { kind: Array<string>(1_000).fill('authentication') } }
    const started = Date.now()
    expect(answers(Array<unknown>(100_000).fill(rule))).toEqual(['(root): too large for a rule file: more than 1,048,576 values or 67,108,864 characters of text'])
    expect(Date.now() - started).toBeLessThan(10_000) // about 0.4 s; a bound, not a benchmark
    const sparse: unknown[] = []
    sparse.length = 2 ** 32 - 1
    expect(answers(sparse)).toEqual(['(root): too large for a rule file: more than 1,048,576 values or 67,108,864 characters of text'])
  })

  it('returns rules detached from the value read, and keeps `__proto__` a key', () => {
    const config = JSON.parse(JSON.stringify({ rules: defaultRules }))
    const loaded = loadRules(config)
    expect(loaded).toEqual(E.right(defaultRules))
    expect(E.isRight(loaded) && loaded.right[0]).not.toBe(config.rules[0])
    expect(answers(JSON.parse(`[${JSON.stringify({ ...validRule, __proto__: { polluted: true } }).replace(/^\{/, '{"__proto__":{"polluted":true},')}]`))).toEqual([
      'rules[0].__proto__: unknown field; expected one of id, summary, match, groupBy, threshold, severity, runbook, forSeconds, keepFiringForSeconds, labels',
    ])
  })

  it('answers every value fast-check can make, with the rules or with problems', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withBoxedValues: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true }), (value) => {
        answers(value)
        answers({ rules: [value] })
        answers([{ ...validRule, match: value }])
      }),
    )
  })
})
