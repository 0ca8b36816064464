import type { CatalogEntry } from '@faultline/core'
import { medableCatalog } from './catalog'

/**
 * Medable's own table from errCode category to fault code (`@medable/mdctl-core` `fault.js`,
 * `faultCodeLookup`): the fallback for a fault whose `code` is missing or unknown (contract §3 rule 2).
 */
export const errCodeCategories: ReadonlyMap<string, string> = /*#__PURE__*/ new Map([
  ['invalidArgument', 'kInvalidArgument'],
  ['validation', 'kValidationError'],
  ['accessDenied', 'kAccessDenied'],
  ['notFound', 'kNotFound'],
  ['timeout', 'kTimeout'],
  ['exists', 'kExists'],
  ['expired', 'kExpired'],
  ['tooLarge', 'kRequestTooLarge'],
  ['throttled', 'kThrottled'],
  ['tooBusy', 'kTooBusy'],
  ['error', 'kError'],
  ['notImplemented', 'kNotImplemented'],
  ['unsupportedOperation', 'kUnsupportedOperation'],
])

// Where a category is searched: its first dot within this many characters, the category at most this long.
// (Medable's are one word; one long errCode may be shared by every fault of a tree in memory: decision 014.)
const maxCategoryStart = 256
const maxCategoryLength = 64

/**
 * The category of a dotted errCode (`cortex.validation.required` -> `validation`), read as Medable's `Fault`
 * reads it: the second dot-separated part of a string that has a dot; `undefined` for anything else, and for a
 * first part of more than 256 characters or a category of more than 64.
 */
export function errCodeCategory(errCode: unknown): string | undefined {
  if (typeof errCode !== 'string') return undefined
  const first = errCode.slice(0, maxCategoryStart + 1).indexOf('.')
  if (first === -1) return undefined
  const end = first + 1 + maxCategoryLength
  const second = errCode.slice(first + 1, end + 1).indexOf('.')
  if (second !== -1) return errCode.slice(first + 1, first + 1 + second)
  return errCode.length <= end ? errCode.slice(first + 1) : undefined
}

/**
 * The catalog entry an errCode's category names (`cortex.invalidArgument.object` -> `kInvalidArgument`), or
 * `undefined` when the category is not in Medable's table. Unlike Medable's client, an unknown category is not
 * read as `kError`: the fault then falls back to its status.
 */
export function entryOfErrCode(errCode: unknown): CatalogEntry | undefined {
  const category = errCodeCategory(errCode)
  return category === undefined ? undefined : medableCatalog.lookup(errCodeCategories.get(category))
}
