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

/**
 * errCodes that name a code by their category AND detail, where the category is not in Medable's table: the two
 * 2xx faults (FACTS.md), `*.success.newLocation` (kNewLocation, 200) and `*.accepted.mediaNotReady`
 * (kMediaNotReady, 202). Medable's client would read them as `kError`; they are the documented codes.
 */
export const errCodeDetails: ReadonlyMap<string, string> = /*#__PURE__*/ new Map([
  ['success.newLocation', 'kNewLocation'],
  ['accepted.mediaNotReady', 'kMediaNotReady'],
])

// The categories of `errCodeDetails` (a category and detail is looked up only for them), and its longest key.
const detailedCategories: ReadonlySet<string> = /*#__PURE__*/ new Set([...errCodeDetails.keys()].map((key) => key.slice(0, key.indexOf('.'))))
const maxDetailKeyLength = /*#__PURE__*/ Math.max(...[...errCodeDetails.keys()].map((key) => key.length))

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
 * The catalog entry an errCode names: by its category (`cortex.invalidArgument.object` -> `kInvalidArgument`), or
 * by its category and detail (`cortex.success.newLocation` -> `kNewLocation`, {@link errCodeDetails}); `undefined`
 * for any other. Unlike Medable's client, an unknown category is not read as `kError`: the fault then falls back
 * to its status.
 */
export function entryOfErrCode(errCode: unknown): CatalogEntry | undefined {
  const category = errCodeCategory(errCode)
  if (category === undefined) return undefined
  const code = errCodeCategories.get(category) ?? (detailedCategories.has(category) ? errCodeDetails.get(categoryAndDetail(errCode as string)) : undefined)
  return medableCatalog.lookup(code)
}

// `success.newLocation` of `cortex.success.newLocation`: what follows the namespace, when short enough to be a key.
function categoryAndDetail(errCode: string): string {
  const start = errCode.slice(0, maxCategoryStart + 1).indexOf('.') + 1
  return errCode.length - start <= maxDetailKeyLength ? errCode.slice(start) : ''
}
