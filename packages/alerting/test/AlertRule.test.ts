import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { either as E } from 'fp-ts'
import { AlertRuleCodec, AlertMatchCodec, defaultRules, groupByFields, isFreeLabelName, reservedLabelNames, severities, type AlertMatch, type AlertRule } from '@faultline/alerting'
import { kinds } from '@faultline/core'

const matchFields = {
  kind: fc.oneof(fc.constantFrom(...kinds), fc.uniqueArray(fc.constantFrom(...kinds), { minLength: 1 })),
  vendor: fc.oneof(fc.constantFrom('medblocks', 'acme'), fc.constant(['scribe', 'medable'])),
  reason: fc.oneof(fc.constant('invalid_field'), fc.constant(['throttled', 'quota_exceeded'])),
  recognized: fc.boolean(),
  retryable: fc.boolean(),
  status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.array(fc.integer({ min: 100, max: 599 }), { minLength: 1, maxLength: 3 })),
}
/** A match whose `not` is nested up to `depth` levels. */
const matchOf = (depth: number): fc.Arbitrary<AlertMatch> =>
  depth === 0 ? fc.record(matchFields, { requiredKeys: [] }) : fc.record({ ...matchFields, not: matchOf(depth - 1) }, { requiredKeys: [] })
const matchArb = matchOf(2)

/** What every rule has, each optional field present or not. */
const fieldsArb = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
    summary: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    runbook: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
    match: matchArb,
    groupBy: fc.uniqueArray(fc.constantFrom(...groupByFields)),
    forSeconds: fc.integer({ min: 0, max: 3_600 }),
    keepFiringForSeconds: fc.integer({ min: 0, max: 3_600 }),
    labels: fc.dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,10}$/).filter(isFreeLabelName), fc.string({ minLength: 1 }), { maxKeys: 3 }),
  },
  { requiredKeys: ['id', 'summary', 'match', 'groupBy'] },
)

const ruleArb: fc.Arbitrary<AlertRule> = fc.oneof(
  fc
    .tuple(fieldsArb, fc.record({ count: fc.integer({ min: 1, max: 10_000 }), windowSeconds: fc.integer({ min: 1, max: 86_400 }) }), fc.constantFrom(...severities))
    .map(([fields, threshold, severity]) => ({ ...fields, threshold, severity })),
  fc
    .tuple(
      fieldsArb,
      fc.record({ min: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), windowSeconds: fc.integer({ min: 1, max: 86_400 }), minRequests: fc.integer({ min: 1, max: 10_000 }) }),
      fc.constantFrom(...severities),
    )
    .map(([fields, ratio, severity]) => ({ ...fields, ratio, severity })),
  fc
    .tuple(fieldsArb, fc.record({ objective: fc.double({ min: Number.MIN_VALUE, max: 1, maxExcluded: true, noNaN: true }), periodDays: fc.integer({ min: 1, max: 365 }) }, { requiredKeys: ['objective'] }))
    .map(([fields, slo]) => ({ ...fields, slo })),
)

describe('AlertRuleCodec', () => {
  it('law: decode(encode(rule)) = right(rule), also through JSON, for threshold, ratio and slo rules', () => {
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

  it('accepts a rule without a runbook', () => {
    const { runbook: _, ...rule } = defaultRules[0] as AlertRule
    expect(AlertRuleCodec.decode(rule)).toEqual(E.right(rule))
  })

  const common = { id: 'some-rule', summary: 'Something.', match: {}, groupBy: [] }
  const problems = (value: unknown) => {
    const decoded = AlertRuleCodec.decode(value)
    return E.isLeft(decoded) ? decoded.left.map((error) => error.message ?? error.context.map((entry) => entry.key).join('.')) : []
  }

  it('needs exactly one of threshold, ratio and slo', () => {
    const threshold = { count: 1, windowSeconds: 60 }
    const ratio = { min: 0.1, windowSeconds: 60, minRequests: 10 }
    const slo = { objective: 0.999 }
    expect(problems({ ...common, threshold, ratio, severity: 'page' })).toEqual(['expected exactly one of threshold, ratio, slo, got threshold and ratio'])
    expect(problems({ ...common, threshold, ratio, slo })).toEqual(['expected exactly one of threshold, ratio, slo, got threshold and ratio and slo'])
    expect(problems({ ...common, severity: 'page' })).toEqual(['missing its condition; expected exactly one of threshold, ratio, slo'])
    expect(problems({ ...common, ratio, severity: 'page' })).toEqual([])
    expect(problems({ ...common, slo })).toEqual([])
  })

  it('rejects an slo rule with a severity, and a ratio or threshold rule without one', () => {
    expect(problems({ ...common, slo: { objective: 0.999 }, severity: 'page' })).toEqual(['an slo rule has no severity: each of its window pairs gives its own (page or ticket)'])
    expect(AlertRuleCodec.is({ ...common, ratio: { min: 0.1, windowSeconds: 60, minRequests: 10 } })).toBe(false)
  })

  it('rejects ratios and objectives out of range', () => {
    const ratio = (min: unknown, minRequests: unknown = 1) => ({ ...common, ratio: { min, windowSeconds: 60, minRequests }, severity: 'page' })
    for (const min of [0, -0.1, 1.01, Number.NaN, '0.5']) expect(AlertRuleCodec.is(ratio(min)), String(min)).toBe(false)
    expect(AlertRuleCodec.is(ratio(1))).toBe(true)
    expect(AlertRuleCodec.is(ratio(0.5, 0))).toBe(false)
    for (const objective of [0, 1, 99.9, Number.POSITIVE_INFINITY]) expect(AlertRuleCodec.is({ ...common, slo: { objective } }), String(objective)).toBe(false)
    expect(AlertRuleCodec.is({ ...common, slo: { objective: 0.99, periodDays: 0 } })).toBe(false)
    expect(AlertRuleCodec.is({ ...common, slo: { objective: 0.99, periodDays: 7 } })).toBe(true)
  })

  it('rejects reserved, malformed and empty labels', () => {
    const labelled = (labels: unknown) => ({ ...common, threshold: { count: 1, windowSeconds: 60 }, severity: 'page', labels })
    for (const name of reservedLabelNames) expect(AlertRuleCodec.is(labelled({ [name]: 'x' })), name).toBe(false)
    for (const name of ['__meta', '1team', 'team-name', '']) expect(AlertRuleCodec.is(labelled({ [name]: 'x' })), name).toBe(false)
    expect(AlertRuleCodec.is(labelled({ team: '' }))).toBe(false)
    expect(AlertRuleCodec.is(labelled({ team: 1 }))).toBe(false)
    expect(AlertRuleCodec.is(labelled(['team']))).toBe(false)
    expect(AlertRuleCodec.is(labelled({ team: 'integrations', service: 'api' }))).toBe(true)
  })

  it('checks match.not as a match', () => {
    expect(AlertMatchCodec.is({ not: { kind: 'authentication', not: { reason: 'session_expired' } } })).toBe(true)
    expect(AlertMatchCodec.is({ not: { kind: 'bogus' } })).toBe(false)
    expect(AlertMatchCodec.is({ not: { kinds: 'authentication' } })).toBe(false)
  })

  it('treats an absent match field as "anything" and keeps no unknown field', () => {
    expect(AlertMatchCodec.decode({})).toEqual(E.right({}))
  })
})
