import { canonicalError, decodeByStatus, errorStatus, fallbackMeaning, findRequestId, meaningOfEntry, meaningOfStatus, retryAfterOf, type CanonicalError, type Catalog, type Json, type ResponseView, type JsonRecord, type Meaning, type NormalizeOptions, type Violation } from '@faultline/core'
import { defineMember, extraMembers, fieldText, fitViolationText, nonBlank, readOwnData, textBounds, type JsonCopyBudget } from '@faultline/core/internal'
import { requestIdOfInstance } from './instance'
import { escapedMemberPrefix, vendorMemberName } from './memberNames'
import { membersRead, readProblemMembers, reservedMembers, type ProblemMembers } from './members'
import { aboutBlank, parseProblemType } from './typeUri'
import { readViolations } from './violations'

/** The size bounds of a decoded tree (contract §2): deeper or larger trees are cut and marked `truncated`. */
export const problemTreeBounds = { maxDepth: 32, maxNodes: 10_000, maxExtensionNodes: 100_000 } as const

const problemContentType = /^application\/problem\+json\b/i
const plainTextContentType = /^text\/plain\b/i
const httpUrl = /^https?:\/\//i

/** What a decoder needs besides the document: the adapter's id, type base and catalog. */
export interface ProblemDialect {
  readonly id: string
  readonly typeBase: string
  readonly catalog: Catalog
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Whether a body is a problem document: any JSON object under `application/problem+json`; otherwise (servers
 * that send `application/json`) an object with a standard member of the right type, at status 400 or more
 * or without a status line, or one with a `message` member at status 400 or more (Fastify's and hapi's
 * `{statusCode, error, message}`, NestJS', and most JSON APIs' error bodies).
 */
export function isProblemDocument(body: unknown, contentType: string | undefined, status: number | null): body is object {
  if (!isObject(body)) return false
  if (contentType !== undefined && problemContentType.test(contentType.trim())) return true
  if (status !== null && status < 400) return false
  const members = readProblemMembers(body)
  return (
    members.type !== undefined ||
    members.title !== undefined ||
    members.status !== undefined ||
    members.detail !== undefined ||
    (status !== null && readOwnData(body, 'message') !== undefined)
  )
}

/**
 * The message of a plain-text error body: its text, trimmed, when the response is `text/plain` (or states no
 * content type) at status 400 or more and the text is not markup or cut JSON (`<`, `{`, `[` first); else
 * `undefined` (an HTML page from a proxy says nothing a person should read as the error).
 */
function plainTextMessage(response: ResponseView): string | undefined {
  const { body, status } = response
  if (body.type !== 'text' || status === null || status < 400) return undefined
  const contentType = response.headers.get('content-type')
  if (contentType !== undefined && !plainTextContentType.test(contentType.trim())) return undefined
  const text = body.text.trim()
  const first = text.charCodeAt(0)
  return text.length === 0 || first === 60 /* < */ || first === 123 /* { */ || first === 91 /* [ */ ? undefined : text
}

/**
 * The vendor members of a document, under their own names: a member written under an escaped name
 * (`faultline_x_2D_trace`, see `extensionMemberName`) is read back as the name it escapes; any other as it is
 * (so documents written before names were escaped read as they did).
 */
function unescapeMemberNames(extensions: JsonRecord): JsonRecord {
  const keys = Object.keys(extensions)
  if (!keys.some((key) => key.startsWith(escapedMemberPrefix) && vendorMemberName(key, reservedMembers) !== key)) return extensions
  const renamed: Record<string, Json> = {}
  for (const key of keys) defineMember(renamed, vendorMemberName(key, reservedMembers), extensions[key]!)
  return renamed
}

function meaningOf(dialect: ProblemDialect, members: ProblemMembers, status: number | null): { meaning: Meaning; own: boolean } {
  const type = members.type
  if (type === undefined) return { meaning: meaningOfStatus(status), own: false }
  const entry = dialect.catalog.lookup(type)
  if (entry !== undefined) return { meaning: meaningOfEntry(entry), own: true }
  const parsed = parseProblemType(type, dialect.typeBase)
  if (parsed !== undefined) return { meaning: fallbackMeaning(parsed.kind, parsed.reason), own: true }
  return { meaning: meaningOfStatus(status), own: false }
}

/** Walks a document tree within {@link problemTreeBounds}; `cut` turns true when anything was left out. */
class TreeBudget {
  nodes = 0
  cut = false
  /** The documents read: one met again (a shared or cyclic cause, which JSON cannot make) is cut. */
  readonly seen = new Set<object>()
  /** One budget for the `extensions` of every document, as a Medable tree has. */
  readonly copy: JsonCopyBudget = { remaining: problemTreeBounds.maxExtensionNodes, text: textBounds.maxTreeText }
  /** Characters left for the text fields of the causes. */
  causeText: number = textBounds.maxTreeText
}

function decodeDocument(
  dialect: ProblemDialect,
  source: object,
  context: { status: number | null; response: ResponseView | undefined; options: NormalizeOptions | undefined },
  depth: number,
  budget: TreeBudget,
): CanonicalError | undefined {
  budget.nodes++
  budget.seen.add(source)
  const root = depth === 0
  const members = readProblemMembers(source)
  const status = errorStatus(context.status, members.status)
  const { meaning, own } = meaningOf(dialect, members, status)
  const type = members.type
  const foreignType = type !== undefined && !own && type !== aboutBlank ? type : undefined
  const detail = nonBlank(members.detail)
  // Servers that write no `detail` (Fastify, NestJS, hapi) say the occurrence in `message`.
  const messageMember = detail === undefined ? nonBlank(members.message) : undefined
  const occurrence = detail ?? messageMember
  const title = nonBlank(members.title)
  // Only faultline's own URN names a request id; any other instance is kept in `extensions` (decision 009).
  const instance = members.instance === undefined ? null : requestIdOfInstance(members.instance)
  const headers = root ? context.response?.headers : undefined
  const headerRetryAfter = root && context.response !== undefined ? retryAfterOf(context.response, context.options) : null
  const { violations, truncated: violationsCut } = root ? readViolations(members) : { violations: [], truncated: false }
  const causes: CanonicalError[] = []
  // Only a document of faultline's own types may relay another vendor and its retry decision: a foreign server
  // that writes `vendor` or `retryable` must not steer routing or retries (the members are dropped).
  const relayed = own ? members : {}
  const error = canonicalError({
    ...meaning,
    vendor: nonBlank(relayed.vendor) ?? dialect.id,
    vendorCode: relayed.vendorCode ?? foreignType ?? null,
    vendorType: relayed.vendorType ?? null,
    status,
    message: occurrence ?? title,
    // A foreign type's title is the summary of its type: a second explanation beside the occurrence's detail. It is
    // also kept verbatim as `extensions.title`, which the encoder writes back beside the foreign type.
    detail: members.additionalDetail ?? (foreignType !== undefined && occurrence !== undefined && title !== undefined && title !== occurrence ? title : null),
    param: members.param ?? null,
    requestId: instance ?? (headers === undefined ? null : findRequestId(undefined, undefined, headers)),
    docUrl: members.docUrl ?? (foreignType !== undefined && httpUrl.test(foreignType) ? foreignType : null),
    retryable: relayed.retryable ?? meaning.retryable,
    retryAfter: members.retryAfter === undefined ? headerRetryAfter : members.retryAfter === 0 ? 0 : members.retryAfter,
    recognized: relayed.recognized ?? meaning.recognized,
    violations,
    causes,
  })
  // A cause whose own text no longer fits is cut, before its members are copied or its causes read (pre-order, as
  // a Medable tree).
  if (!root && (budget.causeText -= fieldText(error)) < 0) return undefined
  // A document's own members are copied before its causes': the shared budget goes to the root first. A foreign
  // type's `title` and any `instance` but faultline's request URN are copied with them, in the document's order.
  const read = membersRead(foreignType !== undefined, instance !== null, messageMember !== undefined)
  ;(error as { extensions: JsonRecord }).extensions = unescapeMemberNames(extraMembers(source, read, undefined, budget.copy))
  for (const element of members.causes ?? []) {
    if (depth + 1 >= problemTreeBounds.maxDepth || budget.nodes >= problemTreeBounds.maxNodes || budget.causeText < 0) {
      budget.cut = true
      break
    }
    if (isObject(element) && !budget.seen.has(element)) {
      const cause = decodeDocument(dialect, element, { status: null, response: undefined, options: undefined }, depth + 1, budget)
      if (cause !== undefined) causes.push(cause)
      else budget.cut = true
    } else {
      // An element that is no document (a hole of a sparse array among them), or one met before, still counts:
      // the loop is bounded by what it reads, whatever length the array claims.
      if (isObject(element)) budget.cut = true
      budget.nodes++
    }
  }
  // Errors are readonly data to their users; the walk knows whether it cut anything only now.
  ;(error as { truncated: boolean }).truncated = members.truncated === true || violationsCut || (root && (budget.cut || budget.copy.exhausted === true))
  return root ? withParamFirst(error) : error
}

// Contract §2: an invalid_request error's `param` is its first violation (the list's text bound counts it).
function withParamFirst(error: CanonicalError): CanonicalError {
  const { kind, param, violations } = error
  if (kind !== 'invalid_request' || param === null || violations[0]?.path === param) return error
  const first: Violation = { path: param, reason: error.reason, message: error.message, vendorCode: error.vendorCode }
  const withParam = [first, ...violations]
  return fitViolationText(withParam) ? { ...error, violations: withParam, truncated: true } : { ...error, violations: withParam }
}

/**
 * Decodes an `application/problem+json` response (or a bare problem document) into the union: faultline's
 * own type URIs decide the kind and reason; any other type (or `about:blank`) falls back to the status
 * (`recognized: false`), its URI kept as `vendorCode`. Not a problem document: the status alone decides, `null`
 * below 400, with a plain-text body's text as the message. Never throws.
 */
export function decodeProblem(dialect: ProblemDialect, response: ResponseView, options?: NormalizeOptions): CanonicalError | null {
  try {
    const body = response.body.type === 'json' ? response.body.value : undefined
    if (!isProblemDocument(body, response.headers.get('content-type'), response.status)) {
      const error = decodeByStatus(dialect.id, response, options)
      if (error === null) return null
      const text = plainTextMessage(response)
      return text === undefined ? error : { ...error, message: text }
    }
    // The root always answers: only a cause is cut for its text.
    return decodeDocument(dialect, body, { status: response.status, response, options }, 0, new TreeBudget())!
  } catch {
    // Hostile input (a Proxy whose traps throw): still an answer, from the status line alone.
    const { status } = response
    if (status !== null && status < 400) return null
    return canonicalError({ ...meaningOfStatus(status), vendor: dialect.id, status })
  }
}
