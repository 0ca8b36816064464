import {
  documentedMeaning,
  fallbackMeaning,
  isHttpStatus,
  kindTable,
  meaningOfStatus,
  nonBlank,
  readOwnData,
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

/** One fault of a tree, read from its own data members and given its meaning. */
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
}

/** The status a fault states about itself, when it is an HTTP status. */
export function statedStatus(source: object, dialect: FaultDialect): number | null {
  const status = readOwnData(source, dialect.statusMember)
  return isHttpStatus(status) ? status : null
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

/** Reads one fault: `status` is decided by the caller (the root's depends on the status line, contract §4). */
export function readFaultNode(source: object, status: number | null, parentKind: Kind | null): FaultNode {
  const path = readOwnData(source, 'path')
  const ownPath = typeof path === 'string' ? path : null
  const { meaning, vendorCode } = meaningOfFault(
    codeOf(readOwnData(source, 'code')),
    readOwnData(source, 'errCode'),
    ownPath,
    status,
    parentKind,
  )
  const name = readOwnData(source, 'name')
  const message = nonBlank(readOwnData(source, 'message'))
  const reason = readOwnData(source, 'reason')
  return {
    source,
    meaning,
    vendorCode,
    vendorType: typeof name === 'string' ? name : null,
    status,
    message: message ?? nonBlank(reason) ?? kindTable[meaning.kind].message,
    detail: message !== undefined && typeof reason === 'string' ? reason : null,
    path: ownPath,
  }
}

/** The violation a fault with a `path` stands for (contract §2). */
export const violationOf = (node: FaultNode, path: string): Violation => ({
  path,
  reason: node.meaning.reason,
  message: node.message,
  vendorCode: node.vendorCode,
})
