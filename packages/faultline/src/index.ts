export * from '@faultline/core'
export {
  decodeMedable,
  decodeMedableThrown,
  encodeMedable,
  errCodeCategories,
  errCodeCategory,
  isMedableFault,
  medableAdapter,
  medableCatalog,
  medableRetryPolicy,
  medableTreeBounds,
} from '@faultline/medable'
export type { FaultTreeBounds } from '@faultline/medable'
export { decodeMedblocksSdkError, medblocksAdapter, medblocksCatalog, medblocksRetryPolicy, medblocksTypes } from '@faultline/medblocks'
export { maxViolations, medipimAdapter, medipimCatalog, medipimMeaning, medipimNamespaces, medipimRetryPolicy } from '@faultline/medipim'
export { scribeAdapter, scribeCatalog, scribeRetryPolicy, scribeTypes } from '@faultline/scribe'
export { bundledAdapters } from './adapters'
export { encodeError, normalizeError, normalizeResponse, retryPolicy, withRetry } from './normalize'
export { fhirAdapter, toOperationOutcome, toOperationOutcomeResponse } from '@faultline/fhir'
export type { OperationOutcome, OperationOutcomeOptions } from '@faultline/fhir'
export { problemAdapter, toProblemDetails, toProblemResponse } from '@faultline/problem'
export type { ProblemDetailsOptions, ProblemDocument } from '@faultline/problem'
export { createRedactor, fingerprint, recordError, redact, toLogRecord } from '@faultline/observability'
export type { ErrorLogRecord, LogRecordOptions, RecordErrorOptions, Redactor } from '@faultline/observability'
export { createUserMessages, userMessage } from '@faultline/messages'
export type { LocalePreference, MessageTable } from '@faultline/messages'
