export { AlertMatchCodec, AlertRuleCodec, AlertRuleFileCodec, ThresholdCodec, groupByFields, severities } from './AlertRule'
export type { AlertMatch, AlertRule, AlertRuleFile, GroupByField, OneOrMany, Severity, Threshold } from './AlertRule'
export { defaultRules } from './defaultRules'
export { createAlertEngine, defaultMaxGroupsPerRule, OVERFLOW_GROUP } from './engine'
export type { Alert, AlertEngine, AlertEngineOptions, AlertEngineStats, AlertEvent } from './engine'
export {
  bundledVendors,
  createLabeler,
  defaultLabelPolicy,
  exactStatuses,
  metricLabelNames,
  NO_STATUS,
  OTHER,
  reasonVocabulary,
  statusLabel,
} from './labels'
export type { ErrorLabels, Labeler, LabelPolicy, MetricLabelName } from './labels'
export { AlertRuleError, loadRules, loadRulesOrThrow } from './loadRules'
export type { LoadRulesOptions, RuleProblems } from './loadRules'
export { groupOf, matches, NO_VENDOR_CODE } from './match'
export { createMetrics, defaultMetricName } from './metrics'
export type { CounterConstructorLike, CounterLike, Metrics, MetricsOptions } from './metrics'
export {
  alertNameOf,
  compilePrometheusRules,
  expressionOf,
  matchersOf,
  promDuration,
  toPrometheusRules,
  windowExpressionOf,
  windowSeriesName,
} from './prometheus'
export type { PrometheusRulesOptions } from './prometheus'
export { formatValidationError, formatValidationErrors } from './report'
