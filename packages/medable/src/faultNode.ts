import { documentedMeaning, errorStatus, fallbackMeaning, kindTable, meaningOfStatus, type Kind, type Meaning, type Violation } from '@faultline/core'
import { gatherMembers, nonBlank, readOwnData, type GatheredMembers } from '@faultline/core/internal'
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
  /**
   * Whether a field is also read from an own member that is not enumerable, whatever the object (a thrown
   * `Fault` keeps its `message` so, as every `Error` does). Otherwise only a class instance's are: a plain
   * object is read as JSON holds it.
   */
  readonly readsHiddenMembers: boolean
}

const wireMembers = ['object', 'name', 'code', 'status', 'message', 'reason', 'path', 'faults']

/** A fault as Medable's API sends it. */
export const wireDialect: FaultDialect = { statusMember: 'status', known: /*#__PURE__*/ new Set(wireMembers), readsHiddenMembers: false }

/** A `Fault` instance of Medable's own client, read through its own properties only. */
export const instanceDialect: FaultDialect = {
  statusMember: 'statusCode',
  known: /*#__PURE__*/ new Set([...wireMembers, 'statusCode', 'stack']),
  readsHiddenMembers: true,
}

/** One fault of a tree, read from its own members (see {@link readFaultNode}) and given its meaning. */
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
  /** The members for `extensions` (none unless read `withExtras`), copied when the error is made (`copyExtras`). */
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

/** A member not read yet: neither listed by the pass nor looked up. */
const unread: unique symbol = Symbol('unread')

/** The members of a fault that its fields come from, each `unread` until the pass or a lookup reads it. */
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

// The same for a fault that only adds a violation: every member is left out of `extensions`.
const readFieldMember = (members: FaultMembers, key: string, value: unknown): boolean => {
  readFaultMember(members, key, value)
  return true
}

/**
 * How many members a fault that only adds a violation is read by in one pass, before its fields are looked up
 * by name: more than a Medable fault has, and few enough that a fault with thousands of members (up to
 * 10,000,000 faults are read) costs no more than the lookups.
 */
const fieldPassMembers = 32

// Looks up, by name, each member the pass did not read.
function lookUpUnread(source: object, members: FaultMembers, read: (target: object, key: string) => unknown): void {
  if (members.name === unread) members.name = read(source, 'name')
  if (members.code === unread) members.code = read(source, 'code')
  if (members.errCode === unread) members.errCode = read(source, 'errCode')
  if (members.status === unread) members.status = read(source, members.dialect.statusMember)
  if (members.message === unread) members.message = read(source, 'message')
  if (members.reason === unread) members.reason = read(source, 'reason')
  if (members.path === unread) members.path = read(source, 'path')
  if (members.faults === unread) members.faults = read(source, 'faults')
}

// An own enumerable member, as JSON holds members; `undefined` for any other, or when reading it throws.
function readOwnEnumerable(target: object, key: string): unknown {
  try {
    return Object.prototype.propertyIsEnumerable.call(target, key) ? (target as Record<string, unknown>)[key] : undefined
  } catch {
    return undefined
  }
}


const read = (value: unknown): unknown => (value === unread ? undefined : value)

/**
 * Reads one fault in one pass over its own members. A fault that becomes an error (`withExtras`) has every
 * member read, gathering its `extensions`; one that only adds a violation (cut from `causes`) has its first
 * members read and the fields not among them looked up by name, in time independent of its size. A plain object
 * is read as JSON holds it (own enumerable members); a class instance, and any fault of a dialect that
 * `readsHiddenMembers`, also has its other own members looked up. Its status is the one it states, except that
 * a root's status line of 400 or more wins (`statusLine`, contract §4; `null` for a child or a bare fault).
 */
export function readFaultNode(source: object, dialect: FaultDialect, statusLine: number | null, parentKind: Kind | null, withExtras: boolean): FaultNode {
  const members: FaultMembers = { dialect, name: unread, code: unread, errCode: unread, status: unread, message: unread, reason: unread, path: unread, faults: unread }
  const extras = withExtras ? gatherMembers(source, members, readFaultMember) : gatherMembers(source, members, readFieldMember, fieldPassMembers)
  // The pass tells a plain object (a Proxy whose prototype trap throws is read as an instance, member by member).
  const plain = extras.plain
  // A pass that saw every key of a plain object has read all it may: JSON has nothing else.
  if (!extras.complete || !plain || dialect.readsHiddenMembers) {
    lookUpUnread(source, members, plain && !dialect.readsHiddenMembers ? readOwnEnumerable : readOwnData)
  }
  const status = errorStatus(statusLine, read(members.status))
  const path = typeof members.path === 'string' ? members.path : null
  const { meaning, vendorCode } = meaningOfFault(codeOf(members.code), read(members.errCode), path, status, parentKind)
  const message = nonBlank(members.message)
  const reason = read(members.reason)
  return {
    source,
    meaning,
    vendorCode,
    vendorType: typeof members.name === 'string' ? members.name : null,
    status,
    message: message ?? nonBlank(reason) ?? kindTable[meaning.kind].message,
    detail: message !== undefined && typeof reason === 'string' ? reason : null,
    path,
    faults: read(members.faults),
    extras,
  }
}

// "Error" is what Medable's `Fault` says when it knows nothing better (the Cortex `kInvalidString` child).
const isGenericMessage = (message: string): boolean => message.length <= 16 && /^\s*error\.?\s*$/i.test(message)

/**
 * The violation a fault with a `path` stands for (contract §2): its message, or its `reason` text when the
 * message is a bare "Error" that says less (the fault's own `message` and `detail` stay as they are).
 */
export const violationOf = (node: FaultNode, path: string): Violation => ({
  path,
  reason: node.meaning.reason,
  message: node.detail !== null && isGenericMessage(node.message) ? (nonBlank(node.detail) ?? node.message) : node.message,
  vendorCode: node.vendorCode,
})
