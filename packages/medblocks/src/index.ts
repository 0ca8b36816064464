export { medblocksAdapter, medblocksEnvelope } from './adapter'
export { medblocksCatalog, medblocksTypes } from './catalog'
export { decodeMedblocksSdkError } from './sdkError'
export { medblocksRetryPolicy } from './retryPolicy'
