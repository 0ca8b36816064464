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
