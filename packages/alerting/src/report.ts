import type * as t from 'io-ts'
import { show } from './codecs'

const isIndex = (key: string) => /^(?:0|[1-9][0-9]*)$/.test(key)

/** The path of a context as a reader writes it: `rules[2].threshold.count`. */
export function pathOf(context: t.Context): string {
  let path = ''
  for (const entry of context) {
    if (entry.key === '') continue
    if (isIndex(entry.key)) path += `[${entry.key}]`
    else path += path === '' ? entry.key : `.${entry.key}`
  }
  return path === '' ? '(root)' : path
}

/** One io-ts error as one line: `rules[2].threshold.count: expected a positive integer, got -1`. */
export function formatValidationError(error: t.ValidationError): string {
  const last = error.context[error.context.length - 1]
  const expected = error.message ?? `expected ${last?.type.name ?? 'a valid value'}, got ${show(error.value)}`
  return `${pathOf(error.context)}: ${expected}`
}

/**
 * Every io-ts error as one path-precise line, without duplicates, in the order io-ts found them.
 *
 * @example
 * pipe(AlertRuleFile.decode(config), mapLeft(formatValidationErrors))
 * // left(['rules[2].threshold.count: expected a positive integer, got -1'])
 */
export function formatValidationErrors(errors: t.Errors): ReadonlyArray<string> {
  return [...new Set(errors.map(formatValidationError))]
}
