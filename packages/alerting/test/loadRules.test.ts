import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { parse } from 'yaml'
import { AlertRuleError, defaultRules, loadRules, loadRulesOrThrow } from '@faultline/alerting'

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
        'rules[2].match.kinds: unknown field; expected one of kind, vendor, reason, recognized, retryable, status',
        'rules[2].groupBy[1]: "vendor" is listed twice',
        'rules[2].threshold.count: expected a positive integer, got -1',
        'rules[2].severity: expected "page", "ticket" or "info", got "urgent"',
      ]),
    )
  })

  it('names missing fields, wrong roots and duplicate ids', () => {
    expect(loadRules({ rules: [{ id: 'x' }] })).toEqual(
      E.left([
        'rules[0].summary: missing; expected a non-empty string',
        'rules[0].runbook: missing; expected a non-empty string',
        'rules[0].match: missing; expected a match object',
        'rules[0].groupBy: missing; expected a list of group-by fields',
        'rules[0].threshold: missing; expected a threshold object',
        'rules[0].severity: missing; expected "page", "ticket" or "info"',
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
