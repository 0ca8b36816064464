import { kinds, kindTable, statuslessKinds, type CanonicalError, type Json, type Kind, type Violation } from '@faultline/core'
import fc from 'fast-check'
import { extraMemberValue } from './headers'

const snakeCase = fc.stringMatching(/^[a-z][a-z0-9]{0,10}(?:_[a-z0-9]{1,8}){0,2}$/)
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim().length > 0)
const nullableText = fc.option(fc.string({ maxLength: 30 }), { nil: null })

const reasonOf = (kind: Kind): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...kindTable[kind].reasons) }, { weight: 1, arbitrary: snakeCase })

/** A violation as adapters produce them. */
export const violation: fc.Arbitrary<Violation> = fc.record({
  path: fc.option(fc.stringMatching(/^[a-z]{1,8}(?:\.[a-z]{1,8}){0,2}$/), { nil: null }),
  reason: fc.constantFrom('invalid_field', 'missing_field', 'too_many_items', 'validation_failed'),
  message: text,
  vendorCode: fc.option(snakeCase, { nil: null }),
})

const extensions = fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), extraMemberValue, { maxKeys: 3 }) as fc.Arbitrary<
  Record<string, Json>
>

/** Options of {@link canonicalErrorArbitrary}. */
export interface CanonicalErrorOptions {
  /** Only these kinds (default: all fourteen). */
  readonly kinds?: ReadonlyArray<Kind>
  /** Only this vendor id (default: any of the bundled four or a user adapter's). */
  readonly vendor?: string
  /** How deep `causes` may nest (default 2). */
  readonly maxCauseDepth?: number
}

/**
 * Any valid {@link CanonicalError}: every kind, vocabulary and custom reasons, all optional fields present or
 * null, violations, extensions and nested causes. Every value satisfies `CanonicalError.is`.
 *
 * @example
 * fc.assert(fc.property(canonicalErrorArbitrary(), (error) => alertRulesAccept(error)))
 */
export function canonicalErrorArbitrary(options: CanonicalErrorOptions = {}): fc.Arbitrary<CanonicalError> {
  const kindChoice = fc.constantFrom(...(options.kinds ?? kinds))
  const vendor = options.vendor === undefined ? fc.constantFrom('medblocks', 'scribe', 'medipim', 'medable', 'acme') : fc.constant(options.vendor)
  const single = (causes: fc.Arbitrary<ReadonlyArray<CanonicalError>>, withViolations: boolean) =>
    kindChoice.chain((kind) =>
      fc.record({
        kind: fc.constant(kind),
        reason: reasonOf(kind),
        vendor,
        vendorCode: fc.option(snakeCase, { nil: null }),
        vendorType: fc.option(snakeCase, { nil: null }),
        status: statuslessKinds.has(kind) ? fc.constant(null) : fc.option(fc.integer({ min: 100, max: 599 }), { nil: null }),
        message: text,
        detail: nullableText,
        param: fc.option(snakeCase, { nil: null }),
        requestId: fc.option(fc.uuid(), { nil: null }),
        docUrl: fc.option(fc.webUrl(), { nil: null }),
        retryable: fc.boolean(),
        retryAfter: fc.option(fc.nat({ max: 86_400 }), { nil: null }),
        recognized: fc.boolean(),
        violations: withViolations ? fc.array(violation, { maxLength: 3 }) : fc.constant([]),
        causes,
        extensions,
        truncated: fc.constant(false),
      }),
    ) as fc.Arbitrary<CanonicalError>
  const { tree } = fc.letrec<{ tree: CanonicalError; cause: CanonicalError }>((tie) => ({
    tree: single(fc.array(tie('cause'), { maxLength: 2, depthIdentifier: 'causes' }), true),
    cause: fc.oneof(
      { maxDepth: options.maxCauseDepth ?? 2, depthIdentifier: 'causes' },
      single(fc.constant([]), false),
      single(fc.array(tie('cause'), { maxLength: 2, depthIdentifier: 'causes' }), false),
    ),
  }))
  return tree
}
