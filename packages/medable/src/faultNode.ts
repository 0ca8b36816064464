import {
  documentedMeaning,
  errorStatus,
  fallbackMeaning,
  gatherMembers,
  isPlainObject,
  kindTable,
  meaningOfStatus,
  nonBlank,
  readOwnData,
  type GatheredMembers,
  type Kind,
  type Meaning,
  type Violation,
} from '@faultline/core'
import { medableCatalog } from './catalog'
import { entryOfErrCode } from './errCode'

/**
 * How a fault's members are spelled: the wire form (`status`) or a `Fault` instance of `@medable/mdctl-core`
 * (`statusCode`, plus an own `stack` that must not leak into `extensions`).
 */
export interface FaultDialect {
  /** The member that states the fault's HTTP status. */
  readonly statusMember: string
  /** Members that canonical fields hold (or that are dropped); every other own member goes to `extensions`. */
  readonly known: ReadonlySet<string>
}

const wireMembers = ['object', 'name', 'code', 'status', 'message', 'reason', 'path', 'faults']

/** A fault as Medable's API sends it. */
export const wireDialect: FaultDialect = { statusMember: 'status', known: /*#__PURE__*/ new Set(wireMembers) }

/** A `Fault` instance of Medable's own client, read through its own properties only. */
export const instanceDialect: FaultDialect = {
  statusMember: 'statusCode',
  known: /*#__PURE__*/ new Set([...wireMembers, 'statusCode', 'stack']),
}

/** One fault of a tree, read from its own members in one pass, and given its meaning. */
export interface FaultNode {
  readonly source: object
  readonly meaning: Meaning
  /** `code` verbatim, or the code of a known errCode category when `code` is missing. */
  readonly vendorCode: string | null
  readonly vendorType: string | null
  readonly status: number | null
  /** Never blank: `message`, else Medable's `reason` text, else the kind's default sentence. */
  readonly message: string
  /** Medable's `reason` text when `message` is also present. */
  readonly detail: string | null
  readonly path: string | null
  /** The `faults` member, as read: the children, when it is an array. */
  readonly faults: unknown
  /** The members for `extensions`, copied only when the fault is kept (`copyExtras`). */
  readonly extras: GatheredMembers
}

const codeOf = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null)

/**
 * The meaning of a fault, in order: a documented code (by meaning, whatever the status); inside an
 * `invalid_request` parent, an undocumented code with a `path` is `invalid_field` (contract §7); a missing or
 * unknown code takes the kind and reason of its errCode category's code (`recognized: false`); else the status.
 */
export function meaningOfFault(
  code: string | null,
  errCode: unknown,
  path: string | null,
  status: number | null,
  parentKind: Kind | null,
): { readonly meaning: Meaning; readonly vendorCode: string | null } {
  const documented = documentedMeaning(medableCatalog, code)
  if (documented !== undefined) return { meaning: documented, vendorCode: code }
  if (parentKind === 'invalid_request' && path !== null) {
    return { meaning: fallbackMeaning('invalid_request', 'invalid_field'), vendorCode: code }
  }
  // A fallback (contract §3 rule 2): the category's code lends its kind and reason, not its name (§2: verbatim codes).
  const category = entryOfErrCode(errCode)
  if (category !== undefined) return { meaning: fallbackMeaning(category.kind, category.reason), vendorCode: code }
  return { meaning: meaningOfStatus(status), vendorCode: code }
}

/** The members of a fault that its fields come from, as the pass over its members finds them. */
interface FaultMembers {
  readonly dialect: FaultDialect
  name: unknown
  code: unknown
  errCode: unknown
  status: unknown
  message: unknown
  reason: unknown
  path: unknown
  faults: unknown
}

// A member into its field: whether the dialect holds it in a field (or drops it) rather than in `extensions`.
// `errCode` is read and also kept in `extensions`.
function readFaultMember(members: FaultMembers, key: string, value: unknown): boolean {
  switch (key) {
    case 'name': members.name = value; return true
    case 'code': members.code = value; return true
    case 'message': members.message = value; return true
    case 'reason': members.reason = value; return true
    case 'path': members.path = value; return true
    case 'faults': members.faults = value; return true
    case 'errCode': members.errCode = value; return false
    default:
      if (key !== members.dialect.statusMember) return members.dialect.known.has(key)
      members.status = value
      return true
  }
}

// A class instance (a thrown `Fault`, whose `message` is not enumerable) may hold a field in an own member that
// the pass does not list; JSON, and any plain object, holds none.
function readHiddenMembers(source: object, members: FaultMembers): void {
  let plain: boolean
  try {
    plain = isPlainObject(source)
  } catch {
    plain = false
  }
  if (plain) return
  members.name ??= readOwnData(source, 'name')
  members.code ??= readOwnData(source, 'code')
  members.errCode ??= readOwnData(source, 'errCode')
  members.status ??= readOwnData(source, members.dialect.statusMember)
  members.message ??= readOwnData(source, 'message')
  members.reason ??= readOwnData(source, 'reason')
  members.path ??= readOwnData(source, 'path')
  members.faults ??= readOwnData(source, 'faults')
}

/**
 * Reads one fault in one pass over its own members (enumerable ones, as JSON has them; a class instance's
 * other own members too). Its status is the one it states, except that a root's status line of 400 or more
 * wins (`statusLine`, contract §4; `null` for a child or a bare fault).
 */
export function readFaultNode(source: object, dialect: FaultDialect, statusLine: number | null, parentKind: Kind | null): FaultNode {
  const members: FaultMembers = { dialect, name: undefined, code: undefined, errCode: undefined, status: undefined, message: undefined, reason: undefined, path: undefined, faults: undefined }
  const extras = gatherMembers(source, members, readFaultMember)
  readHiddenMembers(source, members)
  const status = errorStatus(statusLine, members.status)
  const path = typeof members.path === 'string' ? members.path : null
  const { meaning, vendorCode } = meaningOfFault(codeOf(members.code), members.errCode, path, status, parentKind)
  const message = nonBlank(members.message)
  const { name, reason } = members
  return {
    source,
    meaning,
    vendorCode,
    vendorType: typeof name === 'string' ? name : null,
    status,
    message: message ?? nonBlank(reason) ?? kindTable[meaning.kind].message,
    detail: message !== undefined && typeof reason === 'string' ? reason : null,
    path,
    faults: members.faults,
    extras,
  }
}

/** The violation a fault with a `path` stands for (contract §2). */
export const violationOf = (node: FaultNode, path: string): Violation => ({
  path,
  reason: node.meaning.reason,
  message: node.message,
  vendorCode: node.vendorCode,
})
