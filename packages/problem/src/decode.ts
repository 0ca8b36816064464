import { canonicalError, decodeByStatus, errorStatus, fallbackMeaning, findRequestId, meaningOfEntry, meaningOfStatus, retryAfterOf, type CanonicalError, type Catalog, type ResponseView, type JsonRecord, type Meaning, type NormalizeOptions, type Violation } from '@faultline/core'
import { extraMembers, fieldText, fitViolationText, nonBlank, textBounds, type JsonCopyBudget } from '@faultline/core/internal'
import { requestIdOfInstance } from './instance'
import { knownMembers, readProblemMembers, type ProblemMembers } from './members'
import { aboutBlank, parseProblemType } from './typeUri'
import { readViolations } from './violations'

/** The size bounds of a decoded tree (contract §2): deeper or larger trees are cut and marked `truncated`. */
export const problemTreeBounds = { maxDepth: 32, maxNodes: 10_000, maxExtensionNodes: 100_000 } as const

const problemContentType = /^application\/problem\+json\b/i
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
 * or without a status line.
 */
export function isProblemDocument(body: unknown, contentType: string | undefined, status: number | null): body is object {
  if (!isObject(body)) return false
  if (contentType !== undefined && problemContentType.test(contentType.trim())) return true
  if (status !== null && status < 400) return false
  const members = readProblemMembers(body)
  return members.type !== undefined || members.title !== undefined || members.status !== undefined || members.detail !== undefined
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
  const title = nonBlank(members.title)
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
    message: detail ?? title,
    // A foreign type's title is the summary of its type: a second explanation beside the occurrence's detail.
    detail: members.additionalDetail ?? (foreignType !== undefined && detail !== undefined && title !== undefined && title !== detail ? title : null),
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
  // A document's own members are copied before its causes': the shared budget goes to the root first.
  ;(error as { extensions: JsonRecord }).extensions = extraMembers(source, knownMembers, undefined, budget.copy)
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
 * (`recognized: false`), its URI kept as `vendorCode`. Not a problem document: the status alone decides,
 * `null` below 400. Never throws.
 */
export function decodeProblem(dialect: ProblemDialect, response: ResponseView, options?: NormalizeOptions): CanonicalError | null {
  try {
    const body = response.body.type === 'json' ? response.body.value : undefined
    if (!isProblemDocument(body, response.headers.get('content-type'), response.status)) {
      return decodeByStatus(dialect.id, response, options)
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
