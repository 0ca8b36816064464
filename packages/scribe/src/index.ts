export { scribeAdapter, scribeEnvelope } from './adapter'
export { scribeCatalog, scribeTypes } from './catalog'
export { scribeRetryPolicy } from './retryPolicy'
