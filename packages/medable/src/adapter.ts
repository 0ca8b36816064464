import type { Adapter, AdapterDocumentation } from '@faultline/core'
import { formatCount, textBounds } from '@faultline/core/internal'
import { medableCatalog } from './catalog'
import { decodeMedable } from './decode'
import { errCodeCategories, errCodeDetails } from './errCode'
import { encodeMedable } from './encode'
import { medableTreeBounds as bounds } from './faultTree'
import { decodeMedableThrown } from './thrown'
import { medableRetryPolicy } from './retryPolicy'

const categoryTable = [...errCodeCategories].map(([category, code]) => `${category}->${code}`).join(', ')
const detailTable = [...errCodeDetails].map(([detail, code]) => `\`*.${detail}\`->${code}`).join(', ')
const retriedKinds = (medableRetryPolicy.retryOn.kinds ?? []).map((kind) => `\`${kind}\``).join(', ')

/** What Medable's docs page says beyond its catalog: overview, normal form and rules. */
export const medableDocumentation: AdapterDocumentation = {
  title: 'Medable',
  overview:
    'Medable (Cortex API) answers a failed call with a fault document `{"object":"fault", name, code, errCode, status, message, reason, path, faults}` ' +
    'at any HTTP status, including 200 (`kNewLocation`) and 202 (`kMediaNotReady`). A `kValidationError` carries one child fault per offending ' +
    'property in `faults`; faults nest to any depth. Its client `@medable/mdctl-core` throws `Fault` instances with the same members.',
  normalForm: [
    'status line: the canonical status, else the code\'s documented status, else the kind\'s usual status; the root fault\'s `status` repeats it.',
    'body: `{"object":"fault", name?, code?, status, message, reason?, path?, faults?, ...extensions}`: `name` when `vendorType` is set, `code` when `vendorCode` is set (a code derived from `errCode` is written out), `message` always, `reason` exactly when `detail` is set, `path` when `param` is set, `faults` when there are causes.',
    'child faults: the same members, `status` only when the cause has one; every child has `"object":"fault"`.',
    'extensions (`errCode`, `trace`, `resource`, `index` and unknown members) are written back verbatim as members of their fault.',
    'violations are not written: they are the paths of the child faults, rebuilt on decode.',
    'headers: `retry-after` (delta-seconds) when `retryAfter` is set; `x-request-id` when `requestId` is set.',
  ],
  notes: [
    'A fault is recognized by its OWN `object: "fault"` member, in a JSON body or on the LAST non-empty line of an NDJSON body, whatever the status; `object: "result"` / `"list"` and any other body below 400 is a success (`null`); 400 or more without a fault decodes by status.',
    'Status: the status line when it is 400 or more; for a 2xx/3xx line the fault\'s own `status` (so `kNewLocation` is 200, `kMediaNotReady` 202); a bare fault without a status keeps `null` (Medable\'s own client would assume 500; the contract says `null`).',
    'A documented code decides by meaning, whatever the status: `kSessionExpired` (403) is `authentication/session_expired`, `kSessionRequired` (500) `authentication/session_required`, `kUnverifiedLocation` (403) is `action_required` like `kNewLocation`.',
    `\`errCode\` (\`namespace.category.detail\`) is read with Medable's own category table (${categoryTable}): a fault without \`code\`, or with an unknown one, takes that code's kind and reason as a fallback (\`recognized: false\`, \`vendorCode\` the fault's own code or \`null\`: no code is invented). An unknown category is not read as \`kError\` (as Medable's client does): the status decides.`,
    `The two 2xx faults are also known by category and detail, whose categories are not in that table: ${detailTable}. A fault that carries only such an \`errCode\` is that code's kind and reason (\`recognized: false\`, \`vendorCode: null\`), not \`unknown\`.`,
    'A child fault with an unknown (or missing) code and a `path` inside an `invalid_request` parent is `invalid_request/invalid_field`, `recognized: false`, whatever its own status (e.g. `kInvalidString` at 500).',
    'A violation\'s message is its fault\'s `message`, except that a bare `"Error"` (what Medable says when it knows nothing better, as in the Cortex `kInvalidString` child) gives way to the fault\'s `reason` text (`Enter text between 1 and 100 characters in length`); the cause keeps `message` and `detail` as sent.',
    '`kLocationAlreadyVerified` is `conflict/already_exists` (nothing failed: the location is verified already); `kRegistrationInvitationRequired` is `permission/forbidden` (registration is open, the caller lacks the invitation it needs); `kCouldNotReadCookies` is `invalid_request/missing_field` (the client sends no cookie the session needs); `kNotDeletable`, `kNotPullable` and `kNotWritable` (404) are `invalid_request/unsupported_operation`.',
    `Retryable is the retry policy's answer, which \`withRetry\` follows too (one truth, decision 020): the kinds ${retriedKinds} (an abort excepted), so \`kThrottled\`, \`kTooBusy\`, \`kTimeout\` and \`kMediaNotReady\` are retried whether their code, their errCode or only the status (a 429 or 503 without a fault) says so.`,
    '`message` falls back to Medable\'s `reason` text; when both are present `reason` becomes `detail`. `name` is `vendorType`; `path` is `param`; `errCode`, `trace`, `resource`, `index` and unknown members are kept in `extensions`.',
    'Every nested fault becomes a cause with its own fields only (`requestId` and `retryAfter` belong to the root, `violations: []`). The root\'s `violations` list every descendant with a `path`, depth-first pre-order, after the root\'s own `path` when the root is an `invalid_request` (then also its `param`).',
    `Tree bounds: causes keep ${bounds.maxCauseDepth} levels below the root and ${formatCount(bounds.maxCauses)} errors in pre-order; violations keep ${formatCount(bounds.maxViolations)} entries, including those of cut subtrees; at most ${formatCount(bounds.maxScannedFaults)} \`faults\` elements are read; the causes' text fields hold at most ${formatCount(bounds.maxText)} characters, all extensions as many, the violations' text ${formatCount(textBounds.maxViolationText)}. Beyond them the tree is cut and \`truncated: true\` is set on the root and on every kept error that lost children (then the round-trip laws need not hold). The walk is iterative: any depth is safe.`,
    'Each object is visited once: a cyclic or repeated `faults` reference, or a `faults` array met a second time, is dropped and counts as a cut (`truncated: true`).',
    'Only own properties are read: loading `@medable/mdctl-core` writes `object: "fault"`, `code`, `errCode` onto `Error.prototype`, so inherited members never make a value a fault. A fault is read as JSON holds it, from its own enumerable members; a class instance, such as a thrown `Fault`, also from its other own members (a `Fault` keeps its `message` non-enumerable, as every `Error` does). A thrown `Fault` instance is recognized by its own dotted `errCode` and `code`, its `statusCode` read as the status.',
    '`requestId` comes from the `X-Request-Id` or `Request-Id` header; `retryAfter` from `Retry-After`. Medable documents neither.',
  ],
}

/**
 * The Medable adapter: fault documents at any status (JSON or the last NDJSON line), nested fault trees,
 * errCode categories, and `Fault` instances thrown by `@medable/mdctl-core`.
 *
 * @example
 * createNormalizer([medableAdapter]).normalizeError('medable', {
 *   status: 403,
 *   body: { object: 'fault', name: 'session', code: 'kSessionExpired', status: 403, message: 'Your session has expired.' },
 * }) // -> { kind: 'authentication', reason: 'session_expired', status: 403, ... }
 */
export const medableAdapter: Adapter = {
  id: 'medable',
  catalog: medableCatalog,
  documentation: medableDocumentation,
  decode: decodeMedable,
  encode: encodeMedable,
  decodeThrown: (thrown) => decodeMedableThrown(thrown),
  retryPolicy: medableRetryPolicy,
}
