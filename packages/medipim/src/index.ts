export { medipimAdapter } from './adapter'
export { medipimCatalog, medipimMeaning, medipimNamespaces } from './catalog'
export { maxViolations } from './violations'
export { medipimRetryPolicy } from './retryPolicy'
