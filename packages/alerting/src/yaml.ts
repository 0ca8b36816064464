/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of YAML's double-quoted style; the two
 * line separators YAML 1.1 parsers treat as line breaks are escaped as well.
 */
export const yamlString = (value: string): string =>
  JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')

// Control characters are exactly what this pattern looks for.
// eslint-disable-next-line no-control-regex
const needsEscapes = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/

/** A YAML scalar for text full of double quotes (PromQL): single-quoted, unless it needs escapes. */
export const yamlQuoted = (value: string): string =>
  needsEscapes.test(value) ? yamlString(value) : `'${value.replace(/'/g, "''")}'`
