import { type Violation } from '@faultline/core'
import { fitViolationText, isSnakeCase, leadingElements, readOwnData } from '@faultline/core/internal'
import type { ProblemMembers, ProblemViolation } from './members'

/** At most this many violations are read (contract §2: at least 100,000); more set `truncated`. */
export const maxViolations = 100_000

// A reason is a word of at most this many characters; a longer `reason` is free text, and is not searched (a
// long text shared by 100,000 elements would be searched 100,000 times).
const maxReasonLength = 64
const defaultReason = 'invalid_field'
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** faultline's `errors` element of a violation: `path` and `code` only when known. */
export function toProblemViolation(violation: Violation): ProblemViolation {
  return {
    ...(violation.path === null ? {} : { path: violation.path }),
    reason: violation.reason,
    detail: violation.message,
    ...(violation.vendorCode === null ? {} : { code: violation.vendorCode }),
  }
}

/**
 * One element of `errors` / `invalid-params` / `violations`, in the forms servers write: faultline's
 * `{path, reason, detail, code}`, RFC 9457's `{detail, pointer}`, RFC 7807's `{name, reason}` (a free-text
 * reason), API Platform's `{propertyPath, message, code}`. Not an object: `undefined`.
 */
function readViolation(element: unknown): Violation | undefined {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) return undefined
  const own = (key: string) => readOwnData(element, key)
  const reasonMember = str(own('reason'))
  const snakeReason = reasonMember !== undefined && reasonMember.length <= maxReasonLength && isSnakeCase(reasonMember) ? reasonMember : undefined
  const path = str(own('path')) ?? str(own('pointer')) ?? str(own('propertyPath')) ?? str(own('field')) ?? str(own('name'))
  const message =
    str(own('detail')) ?? str(own('message')) ?? (snakeReason === undefined ? reasonMember : undefined) ?? str(own('title')) ?? ''
  return { path: path ?? null, reason: snakeReason ?? defaultReason, message, vendorCode: str(own('code')) ?? null }
}

// At most this many elements are read, kept or not: an array's `length` is no measure of what it holds.
const maxRead = maxViolations + 1

/**
 * ASP.NET Core's `errors`: `{ "Name": ["The Name field is required."] }`, one violation per message; at most
 * {@link maxRead} messages are read over all names. Whether more were offered.
 */
function readViolationMap(map: object, out: Violation[]): boolean {
  let read = 0
  for (const key of Object.keys(map)) {
    const value = readOwnData(map, key)
    const messages = Array.isArray(value) ? value : [value]
    for (const message of leadingElements(messages, maxRead - read)) {
      read++
      if (typeof message === 'string') out.push({ path: key, reason: defaultReason, message, vendorCode: null })
    }
    if (read === maxRead) return true
  }
  return false
}

/**
 * The violations a problem document carries, in document order, from the first of `errors`, `invalid-params`
 * and `violations` that holds any; elements that are not objects are skipped. `truncated` when more than
 * {@link maxViolations} were offered.
 */
export function readViolations(members: ProblemMembers): { violations: Violation[]; truncated: boolean } {
  const out: Violation[] = []
  let cut = false
  for (const source of [members.errors, members['invalid-params'], members.violations]) {
    if (Array.isArray(source)) {
      const elements = leadingElements(source, maxRead)
      for (const element of elements) {
        const violation = readViolation(element)
        if (violation !== undefined) out.push(violation)
      }
      cut = source.length > elements.length
    } else if (typeof source === 'object' && source !== null) {
      cut = readViolationMap(source, out)
    }
    if (out.length > 0) break
  }
  if (out.length > maxViolations) {
    out.length = maxViolations
    cut = true
  }
  const textCut = fitViolationText(out)
  return { violations: out, truncated: cut || textCut }
}
