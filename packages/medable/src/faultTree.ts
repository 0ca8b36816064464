import { canonicalErrorOf, noViolations, retryMeaning, type CanonicalError, type JsonRecord, type Kind, type Violation } from '@faultline/core'
import { copyExtras, fieldText, fitViolationText, textBounds, type JsonCopyBudget } from '@faultline/core/internal'
import { readFaultNode, violationOf, wireDialect, type FaultDialect, type FaultNode } from './faultNode'
import { decideMedableRetry } from './retryPolicy'

/**
 * The size bounds of a decoded fault tree (contract §2). Beyond them the tree is cut and `truncated` is set on
 * the root and on every kept error that lost children; the walk itself never recurses, so no depth overflows.
 */
export interface FaultTreeBounds {
  /** Levels of `causes` kept below the root (the root's children are level 1). */
  readonly maxCauseDepth: number
  /** Errors kept in `causes`, all levels together, in pre-order. */
  readonly maxCauses: number
  /** Entries of the root's `violations`, counting faults in cut subtrees too. */
  readonly maxViolations: number
  /** Elements of `faults` arrays read in all, so that hostile input (a sparse array of length 2^32-1) ends. */
  readonly maxScannedFaults: number
  /** JSON values copied into `extensions`, all faults together (each fault's copy is also capped at 10,000). */
  readonly maxExtensionNodes: number
  /** Characters in the text fields of all causes, and as many in the keys and strings of all extensions. */
  readonly maxText: number
}

/**
 * The bounds `decode` uses: 32 levels, 10,000 causes, 100,000 violations, 10,000,000 scanned faults,
 * 100,000 extension values, 2^24 characters of text (`textBounds`; violations: 2^26).
 */
export const medableTreeBounds: FaultTreeBounds = {
  maxCauseDepth: 32,
  maxCauses: 10_000,
  maxViolations: 100_000,
  maxScannedFaults: 10_000_000,
  maxExtensionNodes: 100_000,
  maxText: textBounds.maxTreeText,
}

/** What the root takes from the response rather than from the fault (contract §4, §7). */
export interface RootContext {
  /** The response's status line (`null` for a bare fault): from 400 up it wins over the root's own `status`. */
  readonly statusLine: number | null
  readonly requestId: string | null
  readonly retryAfter: number | null
}

/** What the root error holds for the whole tree. */
interface RootFields {
  readonly requestId: string | null
  readonly retryAfter: number | null
  readonly violations: Violation[]
}

interface Kept {
  readonly error: CanonicalError
  readonly causes: CanonicalError[]
}

interface Pending {
  readonly source: object
  readonly depth: number
  readonly parentKind: Kind
  /** The kept error this fault would be a cause of; `undefined` when its parent was cut. */
  readonly parent: Kept | undefined
}

const isFaultObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value)

// The error of a fault, its `extensions` not yet copied (`copyExtensions`): a cause is kept only if its text fits.
const keep = (node: FaultNode, root?: RootFields): Kept => {
  const causes: CanonicalError[] = []
  // Retryable is the retry policy's answer (decision 020), for the root and every cause alike.
  const meaning = retryMeaning(decideMedableRetry, node.meaning, node.status, node.vendorCode)
  const error = canonicalErrorOf(meaning, {
    vendor: 'medable',
    vendorCode: node.vendorCode,
    vendorType: node.vendorType,
    status: node.status,
    message: node.message,
    detail: node.detail,
    param: node.path,
    requestId: root === undefined ? null : root.requestId,
    docUrl: null,
    retryAfter: root === undefined ? null : root.retryAfter,
    violations: root === undefined ? noViolations : root.violations,
    causes,
    extensions: noExtensions,
    truncated: false,
  })
  return { error, causes }
}

const noExtensions: JsonRecord = {}

// Errors are readonly data to their users; a kept fault's extensions are copied once it is known to be kept.
const copyExtensions = (kept: Kept, node: FaultNode, budget: JsonCopyBudget): void => {
  ;(kept.error as { extensions: JsonRecord }).extensions = copyExtras(node.extras, undefined, budget)
}

// Errors are readonly data to their users; the walk sets `truncated` once it knows a subtree was cut.
const markTruncated = (error: CanonicalError): void => {
  ;(error as { truncated: boolean }).truncated = true
}

/**
 * Decodes a fault and its nested `faults` into one {@link CanonicalError}, iteratively in depth-first pre-order:
 * every descendant becomes a cause (each with its own fields only, `violations: []`), and every descendant with
 * a `path` a violation of the root, after the root's own `path` when the root is an `invalid_request`.
 * Each object is visited once, so cyclic or shared `faults` references end (a repeat counts as a cut).
 * Time and output are linear in the number of faults; the output is bounded by `bounds`.
 */
export function decodeFaultTree(
  root: object,
  context: RootContext,
  dialect: FaultDialect = wireDialect,
  bounds: FaultTreeBounds = medableTreeBounds,
): CanonicalError {
  const rootNode = readFaultNode(root, dialect, context.statusLine, null, true)
  const violations: Violation[] = []
  if (rootNode.meaning.kind === 'invalid_request' && rootNode.path !== null) violations.push(violationOf(rootNode, rootNode.path))
  // One budget for every fault's extensions, one for the text of the causes: the output stays linear in the input,
  // shared members or not (one string an object in memory hands every fault is as long in each cause's JSON).
  const budget: JsonCopyBudget = { remaining: bounds.maxExtensionNodes, text: bounds.maxText }
  let causeText = bounds.maxText
  const rootKept = keep(rootNode, { requestId: context.requestId, retryAfter: context.retryAfter, violations })
  copyExtensions(rootKept, rootNode, budget)

  // A lone fault (the usual answer) needs none of the walk's bookkeeping: it is made on the first child.
  // The faults read, and the `faults` arrays scanned: an array met again (faults in memory may share one; JSON
  // cannot) is a cut, not scanned once per fault that holds it (decision 014).
  let seen: Set<object> | undefined
  let cut: Set<CanonicalError> | undefined
  const stack: Pending[] = []
  let truncated = false
  let keptCauses = 0
  let scanned = 0

  const loseChild = (parent: Kept | undefined): void => {
    truncated = true
    if (parent !== undefined) (cut ??= new Set()).add(parent.error)
  }

  const pushChildren = (node: FaultNode, depth: number, parent: Kept | undefined): void => {
    const { faults } = node
    if (!Array.isArray(faults) || faults.length === 0) return
    seen ??= new Set<object>([root])
    if (seen.has(faults)) {
      loseChild(parent)
      return
    }
    seen.add(faults)
    const first = stack.length
    for (let i = 0; i < faults.length; i++) {
      if (scanned++ >= bounds.maxScannedFaults) {
        loseChild(parent)
        break
      }
      const child = ownElement(faults, i)
      if (isFaultObject(child)) stack.push({ source: child, depth, parentKind: node.meaning.kind, parent })
    }
    // Pushed in document order; reversed so that they pop in document order (pre-order).
    for (let low = first, high = stack.length - 1; low < high; low++, high--) {
      const swap = stack[low]!
      stack[low] = stack[high]!
      stack[high] = swap
    }
  }

  pushChildren(rootNode, 1, rootKept)
  while (stack.length > 0) {
    if (keptCauses >= bounds.maxCauses && violations.length >= bounds.maxViolations) {
      // Nothing more can be kept: every pending fault is cut.
      for (const pending of stack) loseChild(pending.parent)
      break
    }
    const pending = stack.pop()!
    if (seen!.has(pending.source)) {
      loseChild(pending.parent)
      continue
    }
    seen!.add(pending.source)
    // Whether this fault becomes a cause (its parent was kept, and the bounds allow one more), known before it is read.
    const { parent } = pending
    const becomesCause = parent !== undefined && pending.depth <= bounds.maxCauseDepth && keptCauses < bounds.maxCauses && causeText >= 0
    const node = readFaultNode(pending.source, dialect, null, pending.parentKind, becomesCause)
    if (node.path !== null) {
      if (violations.length < bounds.maxViolations) violations.push(violationOf(node, node.path))
      else truncated = true
    }
    // A fault becomes a cause while the causes' text fits: its text is counted before its extensions are copied.
    const made = becomesCause ? keep(node) : undefined
    const kept = made !== undefined && (causeText -= fieldText(made.error)) >= 0 ? made : undefined
    if (kept !== undefined) {
      copyExtensions(kept, node, budget)
      parent!.causes.push(kept.error)
      keptCauses++
    } else if (parent !== undefined) {
      loseChild(parent)
    }
    pushChildren(node, pending.depth + 1, kept)
  }

  if (fitViolationText(violations)) truncated = true
  // Extensions cut by the shared budget are a cut too (contract §2).
  if (truncated || budget.exhausted === true) markTruncated(rootKept.error)
  if (cut !== undefined) for (const error of cut) markTruncated(error)
  return rootKept.error
}

// Reads an element without running a getter a hostile array may define on it.
function ownElement(array: ReadonlyArray<unknown>, index: number): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(array, index)
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined
}
