import { canonicalError, decodeByStatus, errorStatus, fallbackMeaning, findRequestId, meaningOfEntry, meaningOfStatus, retryAfterOf, type CanonicalError, type ResponseView, type Meaning, type NormalizeOptions, type Violation } from '@faultline/core'
import { extraMembers, fitViolationText } from '@faultline/core/internal'
import { fhirCatalog } from './catalog'
import { readCodings, type CodingsRead } from './codings'
import { readCanonicalErrorExtension, type CarriedFields } from './extension'
import { CodeableConceptMembers, firstString, IssueMembers, OperationOutcomeMembers, readMembers } from './members'

/** At most this many issues become violations (contract §2: at least 100,000); more set `truncated`. */
export const maxIssues = 100_000

const nonEmpty = (text: string | undefined): string | undefined => (text === undefined || text.length === 0 ? undefined : text)
const outcomeMembers: ReadonlySet<string> = new Set(['resourceType', 'issue', 'extension'])
const failing: ReadonlySet<string> = new Set(['fatal', 'error'])

/** One issue as faultline reads it. */
interface IssueRead {
  readonly severity: string | undefined
  readonly code: string | undefined
  readonly diagnostics: string | undefined
  readonly text: string | undefined
  readonly path: string | undefined
  readonly codings: CodingsRead
}

function readIssue(element: unknown, codingsOf: (coding: ReadonlyArray<unknown> | undefined) => CodingsRead): IssueRead {
  const issue = readMembers(IssueMembers, element)
  const details = readMembers(CodeableConceptMembers, issue.details)
  return {
    severity: issue.severity,
    code: issue.code,
    diagnostics: nonEmpty(issue.diagnostics),
    text: nonEmpty(details.text),
    path: firstString(issue.expression) ?? firstString(issue.location),
    codings: codingsOf(details.coding),
  }
}

/**
 * The first {@link maxIssues} + 1 issues, in order. An issue object, a `coding` array or a vendor code met again
 * is read once: an outcome in memory may repeat one issue, one array of codings or one long code any number of
 * times; JSON cannot (decision 014).
 */
function readIssues(elements: ReadonlyArray<unknown>): IssueRead[] {
  const issues: IssueRead[] = []
  const readByElement = new Map<object, IssueRead>()
  const codingsByArray = new Map<object, CodingsRead>()
  const decodedCodes = new Map<string, string>()
  const codingsOf = (coding: ReadonlyArray<unknown> | undefined): CodingsRead => {
    if (coding === undefined) return readCodings(coding)
    let read = codingsByArray.get(coding)
    if (read === undefined) codingsByArray.set(coding, (read = readCodings(coding, decodedCodes)))
    return read
  }
  for (let i = 0; i < elements.length && i <= maxIssues; i++) {
    const element = elements[i]
    if (typeof element !== 'object' || element === null) {
      issues.push(readIssue(element, codingsOf))
      continue
    }
    let read = readByElement.get(element)
    if (read === undefined) readByElement.set(element, (read = readIssue(element, codingsOf)))
    issues.push(read)
  }
  return issues
}

// The reason of a violation an issue code names, for servers that send no faultline coding.
const violationReasonOfCode: Readonly<Record<string, string>> = {
  required: 'missing_field',
  value: 'invalid_field',
  'code-invalid': 'invalid_field',
  extension: 'invalid_field',
  structure: 'malformed',
  invariant: 'validation_failed',
  invalid: 'validation_failed',
  'business-rule': 'validation_failed',
}

function violationOf(issue: IssueRead, path: string | null): Violation {
  const code = issue.code ?? ''
  return {
    path,
    reason: issue.codings.meaning?.reason ?? (Object.prototype.hasOwnProperty.call(violationReasonOfCode, code) ? violationReasonOfCode[code]! : 'invalid_field'),
    message: issue.text ?? issue.diagnostics ?? '',
    vendorCode: issue.codings.vendorCode ?? issue.codings.foreignCode ?? null,
  }
}

function meaningOf(primary: IssueRead | undefined, status: number | null): Meaning {
  const coded = primary?.codings.meaning
  if (coded !== undefined) return { ...fallbackMeaning(coded.kind, coded.reason), recognized: true }
  const entry = fhirCatalog.lookup(primary?.code)
  return entry === undefined ? meaningOfStatus(status) : meaningOfEntry(entry)
}

/** Whether a body is an OperationOutcome that reports an error at this status (see the adapter's notes). */
function isFailure(issues: ReadonlyArray<IssueRead>, hasOwnExtension: boolean, status: number | null): boolean {
  return hasOwnExtension || status === null || status >= 400 || issues.some((issue) => issue.severity !== undefined && failing.has(issue.severity))
}

function decodeOutcome(body: object, response: ResponseView, options: NormalizeOptions | undefined): CanonicalError | null {
  const outcome = readMembers(OperationOutcomeMembers, body)
  const elements = outcome.issue ?? []
  const issues = readIssues(elements)
  const carried = readCanonicalErrorExtension(outcome.extension)
  if (!isFailure(issues, carried !== undefined, response.status)) return null
  const status = errorStatus(response.status, undefined)
  const primary = issues.find((issue) => issue.severity !== undefined && failing.has(issue.severity)) ?? issues[0]
  const meaning = carried?.kind !== undefined && carried.reason !== undefined ? { ...fallbackMeaning(carried.kind, carried.reason), recognized: true } : meaningOf(primary, status)
  return carried === undefined ? fromIssues(body, issues, primary, meaning, status, response, options) : fromExtension(carried, issues, meaning, status, response, options)
}

/** An outcome faultline wrote: the extension carries the error, the issues its violations. */
function fromExtension(
  carried: CarriedFields,
  issues: ReadonlyArray<IssueRead>,
  meaning: Meaning,
  status: number | null,
  response: ResponseView,
  options: NormalizeOptions | undefined,
): CanonicalError {
  const violations = carried.violations === undefined ? [] : issues.slice(0, maxIssues).map((issue) => violationOf(issue, issue.path ?? null))
  const textCut = fitViolationText(violations)
  return canonicalError({
    ...meaning,
    vendor: carried.vendor ?? 'fhir',
    vendorCode: carried.vendorCode,
    vendorType: carried.vendorType,
    status,
    message: carried.message ?? issues[0]?.text ?? issues[0]?.diagnostics,
    detail: carried.detail,
    param: carried.param,
    requestId: carried.requestId ?? findRequestId(undefined, undefined, response.headers),
    docUrl: carried.docUrl,
    retryable: carried.retryable ?? meaning.retryable,
    retryAfter: carried.retryAfter ?? retryAfterOf(response, options),
    recognized: carried.recognized ?? meaning.recognized,
    violations,
    extensions: carried.extensions ?? {},
    truncated: carried.truncated === true || issues.length > maxIssues || textCut,
  })
}

/** Any server's outcome: the first failing issue is the error; every issue with a path is a violation. */
function fromIssues(
  body: object,
  issues: ReadonlyArray<IssueRead>,
  primary: IssueRead | undefined,
  meaning: Meaning,
  status: number | null,
  response: ResponseView,
  options: NormalizeOptions | undefined,
): CanonicalError {
  const violations: Violation[] = []
  for (const issue of issues) if (issue.path !== undefined && violations.length < maxIssues) violations.push(violationOf(issue, issue.path))
  const textCut = fitViolationText(violations)
  const issueCode = nonEmpty(primary?.code)
  return canonicalError({
    ...meaning,
    vendor: primary?.codings.vendor ?? 'fhir',
    vendorCode: primary?.codings.vendorCode ?? primary?.codings.foreignCode ?? issueCode,
    vendorType: issueCode,
    status,
    // R4: the human sentence is `details.text`; `diagnostics` is technical (HL7's example 101: a source line).
    message: primary?.text ?? primary?.diagnostics,
    // A second explanation: the diagnostics, when there is a human sentence and they say something else.
    detail: primary?.text !== undefined && primary.diagnostics !== primary.text ? primary.diagnostics : undefined,
    requestId: findRequestId(undefined, undefined, response.headers),
    retryAfter: retryAfterOf(response, options),
    recognized: meaning.recognized,
    violations,
    extensions: extraMembers(body, outcomeMembers),
    truncated: issues.length > maxIssues || textCut,
  })
}

/**
 * Decodes a FHIR server's response (or a bare OperationOutcome) into the union. An OperationOutcome is an
 * error at status 400 or more, or with an issue of severity `fatal` / `error`, or when it carries faultline's
 * canonical-error extension; otherwise (informational outcomes in a 2xx) `null`. Not an OperationOutcome: the
 * status alone decides. Never throws.
 */
export function decodeOperationOutcome(response: ResponseView, options?: NormalizeOptions): CanonicalError | null {
  try {
    const body = response.body.type === 'json' ? response.body.value : undefined
    const isOutcome = typeof body === 'object' && body !== null && !Array.isArray(body) && readMembers(OperationOutcomeMembers, body).resourceType === 'OperationOutcome'
    if (!isOutcome) return decodeByStatus('fhir', response, options)
    return decodeOutcome(body, response, options)
  } catch {
    // Hostile input (a Proxy whose traps throw): still an answer, from the status line alone.
    const { status } = response
    if (status !== null && status < 400) return null
    return canonicalError({ ...meaningOfStatus(status), vendor: 'fhir', status })
  }
}
