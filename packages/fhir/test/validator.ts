import { Fhir, type ValidatorMessage } from 'fhir'

/**
 * The `fhir` package's validator (lantanagroup FHIR.js) with its bundled R4 (4.0.1) definitions: cardinality,
 * arrays versus single values, unknown elements (`errorOnUnexpected`), resource types and required value-set
 * bindings (IssueType, IssueSeverity).
 */
const fhir = new Fhir()

/** The error and fatal messages FHIR.js reports for a resource (warnings, e.g. unknown example codings, left out). */
export function r4Errors(resource: unknown): ValidatorMessage[] {
  const result = fhir.validate(resource as object, { errorOnUnexpected: true })
  const errors = result.messages.filter((message) => message.severity === 'error' || message.severity === 'fatal')
  if (result.valid !== (errors.length === 0)) throw new Error('FHIR.js: `valid` disagrees with its messages')
  return errors
}

// What FHIR.js does not check, from the R4 specification's datatype rules: string (non-empty, `[ \r\n\t\S]+`),
// code (`[^\s]+( [^\s]+)*`), uri (no whitespace), and ext-1 (an extension has a value or extensions, not both).
const primitiveRules: ReadonlyArray<readonly [RegExp, RegExp, string]> = [
  [/^(diagnostics|valueString|text)$/, /^[ \r\n\t\S]+$/, 'string'],
  [/^(code|severity|valueCode)$/, /^[^\s]+( [^\s]+)*$/, 'code'],
  [/^(system|url)$/, /^\S+$/, 'uri'],
]

/** Violations of the R4 datatype rules FHIR.js leaves unchecked, as `path: rule` lines. */
export function primitiveErrors(value: unknown, path = 'OperationOutcome'): string[] {
  const errors: string[] = []
  if (Array.isArray(value)) {
    value.forEach((element, i) => errors.push(...primitiveErrors(element, `${path}[${i}]`)))
    return errors
  }
  if (typeof value !== 'object' || value === null) return errors
  const record = value as Record<string, unknown>
  const valueKeys = Object.keys(record).filter((key) => key.startsWith('value'))
  if ('url' in record && (valueKeys.length > 1 || (valueKeys.length === 1) === Array.isArray(record.extension))) errors.push(`${path}: ext-1`)
  for (const [key, member] of Object.entries(record)) {
    const rule = primitiveRules.find(([name]) => name.test(key))
    if (rule !== undefined && typeof member === 'string' && !rule[1].test(member)) errors.push(`${path}.${key}: ${rule[2]}`)
    if (key === 'expression') for (const item of member as unknown[]) if (typeof item !== 'string' || !/^[ \r\n\t\S]+$/.test(item)) errors.push(`${path}.expression: string`)
    errors.push(...primitiveErrors(member, `${path}.${key}`))
  }
  return errors
}
