export { scribeAdapter, scribeEnvelope } from './adapter'
export { scribeCatalog, scribeTypes, scribeTypesAtStatus } from './catalog'
export type { ScribeTypeAtStatus } from './catalog'
export { scribeRetryPolicy } from './retryPolicy'
