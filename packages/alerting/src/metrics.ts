import type { CanonicalError } from '@faultline/core'
import { createLabeler, metricLabelNames, type ErrorLabels, type LabelPolicy, type MetricLabelName } from './labels'

/** The default name of the error counter. */
export const defaultMetricName = 'faultline_errors_total'

/** The default name of the request counter. */
export const defaultRequestsMetricName = 'faultline_requests_total'

/** What the metrics need of a prom-client `Counter` instance. */
export interface CounterLike {
  inc(labels: Partial<Record<MetricLabelName, string>>, value?: number): void
}

/** What the metrics need of prom-client's `Counter` class: its constructor. `R` is the registry's type. */
export type CounterConstructorLike<R> = new (configuration: {
  name: string
  help: string
  labelNames: ReadonlyArray<MetricLabelName>
  registers: Array<R>
}) => CounterLike

/** Options of {@link createMetrics}. */
export interface MetricsOptions<R> {
  /** prom-client's `Counter` class (`import { Counter } from 'prom-client'`): faultline never imports prom-client. */
  readonly Counter: CounterConstructorLike<R>
  /** Bounds the `vendor` and `reason` labels; give the engine and `toPrometheusRules` the same one. */
  readonly labels?: LabelPolicy
  /** The error counter's name. Default `faultline_errors_total`. */
  readonly name?: string
  /** The request counter's name. Default `faultline_requests_total`. */
  readonly requestsName?: string
}

/** The error and request counters of one registry. */
export interface Metrics {
  /** Counts `error` (its root only: causes are part of the same failure). */
  record(error: CanonicalError, count?: number): void
  /**
   * Counts one request to `vendor` (the vendor id, as `error.vendor` names it), and `error` when it failed
   * (`null` when it succeeded): the denominators of ratio and SLO rules.
   */
  recordOutcome(vendor: string, error: CanonicalError | null): void
  /** The bounded labels `error` is counted under. */
  labelsOf(error: CanonicalError): ErrorLabels
  /** The prom-client error counter itself. */
  readonly counter: CounterLike
  /** The prom-client request counter itself. */
  readonly requests: CounterLike
}

/**
 * Registers `faultline_errors_total` and `faultline_requests_total` on a prom-client registry. prom-client is an optional peer dependency:
 * pass its `Counter` class, and nothing of prom-client is loaded unless you do.
 *
 * Labels, each bounded: `vendor` (the policy's vendors, else `other`), `kind`, `reason` (the §3 vocabulary
 * plus the policy's extra reasons, else `other`), `status` (exact for the common statuses, else `4xx`-style
 * class, `none` without a status), `recognized` and `retryable` (`true` / `false`). The request counter has
 * one label, `vendor`, bounded by the same policy.
 *
 * @example
 * import { Counter, register } from 'prom-client'
 * const metrics = createMetrics(register, { Counter })
 * metrics.recordOutcome('medblocks', normalizeError('medblocks', response))   // null for a success
 */
export function createMetrics<R>(registry: R, options: MetricsOptions<R>): Metrics {
  const labeler = createLabeler(options.labels)
  const counter = new options.Counter({
    name: options.name ?? defaultMetricName,
    help: 'Vendor errors normalized by faultline, by vendor, kind, reason, status (exact or class), recognized and retryable.',
    labelNames: metricLabelNames,
    registers: [registry],
  })
  const requests = new options.Counter({
    name: options.requestsName ?? defaultRequestsMetricName,
    help: 'Requests to vendors whose outcome faultline saw, failed or not, by vendor.',
    labelNames: ['vendor'],
    registers: [registry],
  })
  const record = (error: CanonicalError, count = 1) => counter.inc(labeler.labels(error), count)
  return {
    counter,
    requests,
    labelsOf: labeler.labels,
    record,
    recordOutcome(vendor, error) {
      requests.inc({ vendor: labeler.vendor(vendor) })
      if (error !== null) record(error)
    },
  }
}
