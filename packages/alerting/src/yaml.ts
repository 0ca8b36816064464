/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of YAML's double-quoted style; what JSON leaves
 * raw and YAML or a terminal would not take printed (DEL, C1, the two line separators YAML 1.1 parsers treat as
 * line breaks, the byte order mark, bidi controls) is escaped as well.
 */
export const yamlString = (value: string): string =>
  JSON.stringify(value).replace(unprintable, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)

// What JSON.stringify leaves raw but YAML may not hold printed, or a terminal would act on: DEL, C1, the line and
// paragraph separators, the byte order mark and the bidi controls. One character per match: linear.
const unprintable = /[\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]/g

// Control characters are exactly what this pattern looks for.
// eslint-disable-next-line no-control-regex
const needsEscapes = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]/

/** A YAML scalar for text full of double quotes (PromQL): single-quoted, unless it needs escapes. */
export const yamlQuoted = (value: string): string =>
  needsEscapes.test(value) ? yamlString(value) : `'${value.replace(/'/g, "''")}'`
