import { kindTable, kinds, type CanonicalError, type Kind } from '@faultline/core'

/**
 * Which label values may appear on metrics and alert groups. Everything outside it is written `other`,
 * so that a vendor sending new codes, or a user adapter nobody registered, cannot explode cardinality.
 */
export interface LabelPolicy {
  /** Vendors kept verbatim in the `vendor` label; any other vendor becomes `other`. */
  readonly vendors: ReadonlyArray<string>
  /** Reasons kept verbatim besides the contract's §3 vocabulary (for user adapters that add reasons). */
  readonly reasons?: ReadonlyArray<string>
}

/** The label value of everything outside a {@link LabelPolicy}. */
export const OTHER = 'other'

/** The `status` label of an error without an HTTP status (transport, signature, some unknown errors). */
export const NO_STATUS = 'none'

/** The four vendors whose adapters faultline bundles. */
export const bundledVendors: ReadonlyArray<string> = ['medblocks', 'scribe', 'medipim', 'medable']

/** The policy used when none is given: the bundled vendors and the §3 reason vocabulary. */
export const defaultLabelPolicy: LabelPolicy = { vendors: bundledVendors }

/** Every reason of the contract's §3 vocabulary (over all kinds). */
export const reasonVocabulary: ReadonlySet<string> = /*#__PURE__*/ new Set(
  kinds.flatMap((kind) => kindTable[kind].reasons as ReadonlyArray<string>),
)

/**
 * Statuses kept exact in the `status` label: those the contract and the bundled vendors give a meaning
 * of their own. Every other status is written by class (`2xx`, `3xx`, `4xx`, `5xx`).
 */
export const exactStatuses: ReadonlyArray<number> = [
  400, 401, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503, 504,
]
// The labels are made once: a label is a key of alert groups, and a string made anew for each error is found
// in a Map more slowly than one it has hashed before (decision 017).
const exactStatusLabels: ReadonlyMap<number, string> = /*#__PURE__*/ new Map(exactStatuses.map((status) => [status, String(status)]))
const statusClassLabels: ReadonlyArray<string> = ['1xx', '2xx', '3xx', '4xx', '5xx']

/** The label names of `faultline_errors_total`, in the order they are declared. */
export const metricLabelNames = ['vendor', 'kind', 'reason', 'status', 'recognized', 'retryable'] as const

/** One label of `faultline_errors_total`. */
export type MetricLabelName = (typeof metricLabelNames)[number]

/** The bounded labels of one error. */
export type ErrorLabels = { readonly [K in MetricLabelName]: string }

/** Turns errors into bounded label values under one {@link LabelPolicy}. */
export interface Labeler {
  readonly policy: LabelPolicy
  /** `vendor` when the policy lists it, else `other`. */
  vendor(vendor: string): string
  /** `reason` when it is in the §3 vocabulary or the policy's extra reasons, else `other`. */
  reason(reason: string): string
  /** The exact status for {@link exactStatuses}, else its class, `none` for `null`. */
  status(status: number | null): string
  /** Whether `vendor` survives the policy verbatim. */
  keepsVendor(vendor: string): boolean
  /** Whether `reason` survives the policy verbatim. */
  keepsReason(reason: string): boolean
  /** Every label of one error. */
  labels(error: CanonicalError): ErrorLabels
}

/** The `status` label of an HTTP status: exact for {@link exactStatuses}, else its class, `none` for `null`. */
export function statusLabel(status: number | null): string {
  if (status === null) return NO_STATUS
  const exact = exactStatusLabels.get(status)
  if (exact !== undefined) return exact
  const statusClass = Math.floor(status / 100)
  return statusClass >= 1 && statusClass <= 5 ? (statusClassLabels[statusClass - 1] as string) : OTHER
}

/**
 * Compiles a {@link LabelPolicy} into a {@link Labeler}. The same policy must be given to
 * `createMetrics`, `createAlertEngine` and `toPrometheusRules`, so that all three group errors alike.
 *
 * @example
 * const labeler = createLabeler({ vendors: [...bundledVendors, 'acme'] })
 * labeler.vendor('acme')   // 'acme'
 * labeler.vendor('zeta')   // 'other'
 * labeler.status(418)      // '4xx'
 */
export function createLabeler(policy: LabelPolicy = defaultLabelPolicy): Labeler {
  const vendors = new Set(policy.vendors.filter((vendor) => vendor !== OTHER))
  const reasons = new Set([...reasonVocabulary, ...(policy.reasons ?? [])].filter((reason) => reason !== OTHER))
  const keepsVendor = (vendor: string) => vendors.has(vendor)
  const keepsReason = (reason: string) => reasons.has(reason)
  const vendor = (value: string) => (keepsVendor(value) ? value : OTHER)
  const reason = (value: string) => (keepsReason(value) ? value : OTHER)
  return {
    policy,
    vendor,
    reason,
    status: statusLabel,
    keepsVendor,
    keepsReason,
    labels: (error) => ({
      vendor: vendor(error.vendor),
      kind: error.kind satisfies Kind,
      reason: reason(error.reason),
      status: statusLabel(error.status),
      recognized: String(error.recognized),
      retryable: String(error.retryable),
    }),
  }
}
