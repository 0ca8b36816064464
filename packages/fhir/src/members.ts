import { readOwnData } from '@faultline/core/internal'
import * as t from 'io-ts'

/**
 * Reads the members of `codec` from `source`, each on its own: a member of the wrong type is left out and the
 * others still count (tolerant decoding). Own data properties only; never runs a getter, never throws.
 */
export function readMembers<P extends t.Props>(codec: t.PartialC<P>, source: unknown): Partial<t.TypeOf<t.TypeC<P>>> {
  const members: Record<string, unknown> = {}
  if (typeof source !== 'object' || source === null) return members as Partial<t.TypeOf<t.TypeC<P>>>
  for (const [key, member] of Object.entries(codec.props) as Array<[string, t.Mixed]>) {
    const value = readOwnData(source, key)
    if (value !== undefined && member.is(value)) members[key] = value
  }
  return members as Partial<t.TypeOf<t.TypeC<P>>>
}

/** The members of an `OperationOutcome` that faultline reads. */
export const OperationOutcomeMembers = t.partial({
  resourceType: t.literal('OperationOutcome'),
  issue: t.UnknownArray,
  extension: t.UnknownArray,
})

/** The members of an `OperationOutcome.issue` that faultline reads. */
export const IssueMembers = t.partial({
  severity: t.string,
  code: t.string,
  diagnostics: t.string,
  expression: t.UnknownArray,
  location: t.UnknownArray,
  details: t.UnknownRecord,
})

/** The members of a `CodeableConcept` that faultline reads. */
export const CodeableConceptMembers = t.partial({ coding: t.UnknownArray, text: t.string })

/** The members of a `Coding` that faultline reads. */
export const CodingMembers = t.partial({ system: t.string, code: t.string })

/** The members of an `Extension` that faultline reads (its value under any of the types it writes). */
export const ExtensionMembers = t.partial({
  url: t.string,
  extension: t.UnknownArray,
  valueString: t.string,
  valueCode: t.string,
  valueBoolean: t.boolean,
  valueDecimal: t.number,
  valueInteger: t.number,
})

/** The first string of an array member (FHIR `expression` / `location`). */
export const firstString = (values: ReadonlyArray<unknown> | undefined): string | undefined => {
  const first = values?.[0]
  return typeof first === 'string' && first.length > 0 ? first : undefined
}
