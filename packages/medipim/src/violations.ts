import { type Violation } from '@faultline/core'
import { fitViolationText, readOwnData } from '@faultline/core/internal'

/**
 * At most this many `violations[]` elements are decoded (contract §2 asks for at least 100,000); a longer
 * array keeps its first 100,000 and marks the error `truncated`.
 */
export const maxViolations = 100_000

/** The message of a violation element that carries none (Symfony's default sentence for an invalid value). */
export const defaultViolationMessage = 'This value is not valid.'

// Symfony Validator's constraint codes (UUIDs), the codes API-Platform style violations carry.
const reasonBySymfonyCode: ReadonlyMap<string, string> = /*#__PURE__*/ new Map([
  ['c1051bb4-d103-4f74-8988-acbcafc7fdc3', 'missing_field'], // NotBlank::IS_BLANK_ERROR
  ['ad32d13f-c3d4-423b-909a-857b961eb720', 'missing_field'], // NotNull::IS_NULL_ERROR
  ['2fa2158c-2a7f-484b-98aa-975522539ff8', 'missing_field'], // Collection::MISSING_FIELD_ERROR
  ['bef8e338-6ae5-4caf-b8e2-50e7b0579e69', 'too_few_items'], // Count::TOO_FEW_ERROR
  ['756b1212-697c-468d-a9ad-50dd783bb169', 'too_many_items'], // Count::TOO_MANY_ERROR
])

const symfonyCodeLength = 36

// Codes longer than this are not searched for words (a long code shared by 100,000 elements would be searched
// 100,000 times): such a code is kept as `vendorCode`, with the reason `invalid_field`.
const maxSearchedCodeLength = 256

const missingWords = /required|missing|blank|not_?null|is_?null/i
const tooFewWords = /too_?few/i
const tooManyWords = /too_?many/i

/**
 * The canonical reason of one violation from its element's code: `missing_field` for codes that say
 * required / missing / blank / null (words or Symfony's NotBlank, NotNull and Collection UUIDs),
 * `too_few_items` / `too_many_items` for Count codes, else `invalid_field` (also for a code of more than
 * 256 characters, which is not searched).
 */
export function violationReason(code: string | null): string {
  if (code === null || code.length > maxSearchedCodeLength) return 'invalid_field'
  // Symfony's codes are UUIDs, 36 characters, and only a code of that length lower-cases to one (no character
  // but A-F lower-cases to a hex digit or a dash): such a code is looked up as written, then in lower case.
  if (code.length === symfonyCodeLength) {
    const known = reasonBySymfonyCode.get(code) ?? reasonBySymfonyCode.get(code.toLowerCase())
    if (known !== undefined) return known
  }
  if (missingWords.test(code)) return 'missing_field'
  if (tooFewWords.test(code)) return 'too_few_items'
  if (tooManyWords.test(code)) return 'too_many_items'
  return 'invalid_field'
}

const stringMember = (element: object, key: string): string | null => {
  const value = readOwnData(element, key)
  return typeof value === 'string' ? value : null
}

/**
 * One `violations[]` element as a canonical violation. An object gives `propertyPath` (else `path`),
 * `message` and `code` (kept verbatim as `vendorCode`), each looked up as an own member: an element is read in
 * time independent of its size, however many times it is repeated. Any other element still counts, with
 * `path: null` and, when it is a string, that string as its message.
 */
export function decodeViolation(element: unknown): Violation {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    const message = typeof element === 'string' ? element : defaultViolationMessage
    return { path: null, reason: 'invalid_field', message, vendorCode: null }
  }
  const vendorCode = stringMember(element, 'code')
  return {
    path: stringMember(element, 'propertyPath') ?? stringMember(element, 'path'),
    reason: violationReason(vendorCode),
    message: stringMember(element, 'message') ?? defaultViolationMessage,
    vendorCode,
  }
}

/** The violations of an error and whether the array was cut at {@link maxViolations}. */
export interface DecodedViolations {
  readonly violations: ReadonlyArray<Violation>
  readonly truncated: boolean
}

const none: DecodedViolations = { violations: [], truncated: false }

// `readOwnData` of an array index, without making a string of the index.
const ownElement = (elements: ReadonlyArray<unknown>, index: number): unknown => {
  try {
    return Object.prototype.hasOwnProperty.call(elements, index) ? elements[index] : undefined
  } catch {
    return undefined
  }
}

/**
 * Decodes the `violations` array of an answer, one violation per element in document order: the array
 * inside `error` when there is one, else the one at the top level of the body (or stream line).
 */
export function decodeViolations(error: object | undefined, container: object | undefined): DecodedViolations {
  const inside = error === undefined ? undefined : readOwnData(error, 'violations')
  const elements = Array.isArray(inside) ? inside : container === undefined ? undefined : readOwnData(container, 'violations')
  if (!Array.isArray(elements) || elements.length === 0) return none
  const count = Math.min(elements.length, maxViolations)
  const violations: Violation[] = []
  // Elements are read as own members, so a hole or an inherited index reads as absent.
  for (let i = 0; i < count; i++) violations.push(decodeViolation(ownElement(elements, i)))
  const textCut = fitViolationText(violations)
  return { violations, truncated: textCut || elements.length > maxViolations }
}

/**
 * The normal form of violations: `{ propertyPath, message, code }` with `propertyPath` left out when `null`.
 * `code` is the violation's `vendorCode`; without one, a reason other than `invalid_field` (another vendor's
 * `missing_field`) is written as the code so that it reads back, else `code` is left out. `decodeViolation`
 * reads every element of a decoded Medipim error back to the same violation.
 */
export function encodeViolations(violations: ReadonlyArray<Violation>): Array<Record<string, string>> {
  return violations.map((violation) => {
    const element: Record<string, string> = {}
    if (violation.path !== null) element.propertyPath = violation.path
    element.message = violation.message
    const code = violation.vendorCode ?? (violation.reason === 'invalid_field' ? null : violation.reason)
    if (code !== null) element.code = code
    return element
  })
}
