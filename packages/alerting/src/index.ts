export {
  AlertMatchCodec,
  AlertRuleCodec,
  AlertRuleFileCodec,
  groupByFields,
  isFreeLabelName,
  isRatioRule,
  isSloRule,
  isThresholdRule,
  RatioCodec,
  reservedLabelNames,
  severities,
  SloCodec,
  ThresholdCodec,
} from './AlertRule'
export type { AlertMatch, AlertRule, AlertRuleFile, GroupByField, OneOrMany, Ratio, RatioRule, Severity, Slo, SloRule, Threshold, ThresholdRule } from './AlertRule'
export {
  alertmanagerGroupBy,
  alertmanagerMatcher,
  compileAlertmanagerConfig,
  defaultAlertmanagerTiming,
  nullReceiver,
  toAlertmanagerConfig,
} from './alertmanager'
export type { AlertmanagerConfigOptions, AlertmanagerReceivers, AlertmanagerTiming } from './alertmanager'
export { createDefaultRules, defaultRules } from './defaultRules'
export type { DefaultRulesOptions } from './defaultRules'
export { compileGrafanaDashboard, grafanaSchemaVersion, grafanaVariables, toGrafanaDashboard } from './grafana'
export type {
  GrafanaDashboard,
  GrafanaDashboardOptions,
  GrafanaDatasourceRef,
  GrafanaGridPos,
  GrafanaPanel,
  GrafanaTarget,
  GrafanaVariable,
} from './grafana'
export { createAlertEngine, defaultEvaluationIntervalSeconds, defaultMaxGroupsPerRule, OVERFLOW_GROUP } from './engine'
export type { Alert, AlertEngine, AlertEngineOptions, AlertEngineStats, AlertEvent, InhibitingAlert } from './engine'
export { defaultInhibitions } from './inhibitions'
export type { Inhibition } from './inhibitions'
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
export { createMetrics, defaultMetricName, defaultRequestsMetricName } from './metrics'
export type { CounterConstructorLike, CounterLike, Metrics, MetricsOptions } from './metrics'
export {
  alertNameOf,
  compilePrometheusRules,
  errorRatioExpressionOf,
  errorsExpressionOf,
  expressionOf,
  matchersOf,
  promDuration,
  recordingRulesOf,
  requestsExpressionOf,
  sloExpressionsOf,
  sloRatioSeriesName,
  toPrometheusRules,
  windowExpressionOf,
  windowSeriesName,
} from './prometheus'
export type { PrometheusRulesOptions, PromQLOptions, RecordingRule, SloExpression } from './prometheus'
export { formatValidationError, formatValidationErrors } from './report'
export { defaultSloPeriodDays, sloThresholdOf, sloWindowsOf } from './slo'
export type { SloWindow } from './slo'
