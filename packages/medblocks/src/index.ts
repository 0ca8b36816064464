export { medblocksAdapter, medblocksEnvelope } from './adapter'
export { medblocksCatalog, medblocksTypes } from './catalog'
export { decodeMedblocksSdkError } from './sdkError'
export { medblocksRetryableByStatus, medblocksRetryPolicy } from './retryPolicy'
