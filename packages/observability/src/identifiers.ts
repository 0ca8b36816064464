import { kinds, type Kind } from '@faultline/core'
import { createRedactor, defaultRedactionRules, type Redactor } from './redaction'
import { fitText, redactWithin } from './textBudget'

/**
 * Bounds of the fields that identify rather than tell (codes, paths, ids, URLs): they reach logs and spans, so
 * a vendor that put data in one (a FHIR code `MRN 12345678`, a request id holding a token) must not get it there.
 */
export const identifierBounds = {
  /** Characters of a code, a path, `param`, the vendor, the reason, a key of the vendor's members (256). */
  maxChars: 256,
  /** Characters of a request id kept as it is (64, as `userMessage` quotes one). */
  maxRequestIdChars: 64,
  /** Characters of a URL read at all (2,048); what is kept of it is bounded by `maxChars`. */
  maxUrlChars: 2_048,
} as const

/** What stands for a request id that does not look like one. */
export const redactedRequestId = '[redacted:id]'

/** What stands for a URL that is not http(s), does not parse, or names a host the redactor changes. */
export const redactedUrl = '[redacted:url]'

const knownKinds: ReadonlySet<string> = /*#__PURE__*/ new Set(kinds)

/** The kind, or `unknown` for a value that is none of the fourteen (a hand-made error). */
export const safeKind = (kind: string): Kind => (knownKinds.has(kind) ? (kind as Kind) : 'unknown')

// Letters, digits and `._:-`: what request ids are made of (UUIDs, `req_8f2a91`, trace ids), and no `@`,
// space, `=`, `/` or `?` (an e-mail address, `Bearer x`, `access_token=...`, a URL path).
const requestIdShape = /^[A-Za-z0-9._:-]+$/
const uuidShape = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/
const letter = /[A-Za-z]/
const nonDigits = /\D/g

// In an id with letters, digits are the id's own (the hex groups of a UUID), not a record or phone number: the
// rules for digit runs do not apply; the rest (keys, JWTs, labelled record numbers, dates, SSNs) do.
const numberRules: ReadonlySet<string> = /*#__PURE__*/ new Set(['digits', 'phone'])
const redactIdWithLetters: Redactor = /*#__PURE__*/ createRedactor(defaultRedactionRules.filter((rule) => !numberRules.has(rule.name)))

/**
 * The request id when it looks like one: a UUID, or at most 64 letters, digits and `._:-`, not only digits when it has six
 * or more of them (it may be a record or phone number); nothing the default rules would redact in it (a key, a
 * JWT, `MRN-00123`). Else {@link redactedRequestId}: a hash would not do, as a phone number or a record number
 * has so few values that trying them all reverses it.
 */
export function safeRequestId(id: string): string {
  if (id.length > identifierBounds.maxRequestIdChars || !requestIdShape.test(id)) return redactedRequestId
  if (uuidShape.test(id)) return id
  if (!letter.test(id)) return id.replace(nonDigits, '').length >= 6 ? redactedRequestId : id
  return redactIdWithLetters(id) === id ? id : redactedRequestId
}

const segmentShape = /^[A-Za-z0-9._~-]*$/
const redactedSegment = '[redacted]'

/**
 * An http(s) URL without what may hold secrets: no user info, no query, no fragment; a path segment that is not
 * plain (letters, digits, `._~-`, nothing the identifier redactor changes) becomes `[redacted]`, and the whole
 * path when the redactor changes it (a date spelled over segments). Anything else
 * (not http(s), unparsable, longer than 2,048 characters, a host the redactor changes) is {@link redactedUrl}.
 */
export function safeUrl(url: string, redactIdentifiers: Redactor): string {
  if (url.length > identifierBounds.maxUrlChars) return redactedUrl
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return redactedUrl
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return redactedUrl
  if (redactIdentifiers(parsed.host) !== parsed.host) return redactedUrl
  const path = parsed.pathname
    .split('/')
    .map((segment) => (segmentShape.test(segment) && redactIdentifiers(segment) === segment ? segment : redactedSegment))
    .join('/')
  // Plain segments may still spell data together (`/12/03/1985/`): then none is kept.
  const safePath = redactIdentifiers(path) === path ? path : `/${redactedSegment}`
  return fitText(`${parsed.protocol}//${parsed.host}${safePath}`, identifierBounds.maxChars)
}

const httpUrl = /^https?:\/\//i

/**
 * A code, path, `param`, vendor, reason or key made safe: a URL (a problem `type` read as the vendor code) as
 * {@link safeUrl}; any other text cut to 256 characters (between words) and passed through `redactIdentifiers`.
 */
export function safeIdentifier(value: string, redactIdentifiers: Redactor): string {
  return httpUrl.test(value) ? safeUrl(value, redactIdentifiers) : redactWithin(value, identifierBounds.maxChars, redactIdentifiers).text
}
