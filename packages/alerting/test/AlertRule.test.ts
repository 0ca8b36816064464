import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { AlertRuleCodec, AlertMatchCodec, defaultRules, groupByFields, severities, type AlertRule } from '@faultline/alerting'
import { kinds } from '@faultline/core'

const ruleArb: fc.Arbitrary<AlertRule> = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
    summary: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    runbook: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    match: fc.record(
      {
        kind: fc.oneof(fc.constantFrom(...kinds), fc.uniqueArray(fc.constantFrom(...kinds), { minLength: 1 })),
        vendor: fc.oneof(fc.constantFrom('medblocks', 'acme'), fc.constant(['scribe', 'medable'])),
        reason: fc.oneof(fc.constant('invalid_field'), fc.constant(['throttled', 'quota_exceeded'])),
        recognized: fc.boolean(),
        retryable: fc.boolean(),
        status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.array(fc.integer({ min: 100, max: 599 }), { minLength: 1, maxLength: 3 })),
      },
      { requiredKeys: [] },
    ),
    groupBy: fc.uniqueArray(fc.constantFrom(...groupByFields)),
    threshold: fc.record({ count: fc.integer({ min: 1, max: 10_000 }), windowSeconds: fc.integer({ min: 1, max: 86_400 }) }),
    forSeconds: fc.integer({ min: 0, max: 3_600 }),
    severity: fc.constantFrom(...severities),
  },
  { requiredKeys: ['id', 'summary', 'runbook', 'match', 'groupBy', 'threshold', 'severity'] },
)

describe('AlertRuleCodec', () => {
  it('law: decode(encode(rule)) = right(rule), also through JSON', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        expect(AlertRuleCodec.decode(AlertRuleCodec.encode(rule))).toEqual(E.right(rule))
        expect(AlertRuleCodec.decode(JSON.parse(JSON.stringify(rule)))).toEqual(E.right(rule))
        expect(AlertRuleCodec.is(rule)).toBe(true)
      }),
    )
  })

  it('accepts every default rule', () => {
    for (const rule of defaultRules) expect(AlertRuleCodec.is(rule)).toBe(true)
  })

  it('rejects what the rule model does not allow', () => {
    const [rule] = defaultRules as [AlertRule]
    const bad: ReadonlyArray<unknown> = [
      { ...rule, id: 'Not Kebab' },
      { ...rule, summary: '   ' },
      { ...rule, runbook: undefined },
      { ...rule, threshold: { count: 0, windowSeconds: 60 } },
      { ...rule, threshold: { count: 1.5, windowSeconds: 60 } },
      { ...rule, forSeconds: -1 },
      { ...rule, severity: 'urgent' },
      { ...rule, groupBy: ['vendor', 'vendor'] },
      { ...rule, groupBy: ['requestId'] },
      { ...rule, match: { kind: [] } },
      { ...rule, match: { kind: 'bogus' } },
      { ...rule, match: { status: 42 } },
      { ...rule, match: { reason: 'Not Snake' } },
      { ...rule, match: { kinds: 'authentication' } },
      { ...rule, extra: true },
    ]
    for (const value of bad) expect(AlertRuleCodec.is(value), JSON.stringify(value)).toBe(false)
  })

  it('treats an absent match field as "anything" and keeps no unknown field', () => {
    expect(AlertMatchCodec.decode({})).toEqual(E.right({}))
  })
})
