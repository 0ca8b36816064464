// `@faultline/core/internal`: what the bundled adapters share beyond the public API (bounded reading of vendor
// objects, text bounds, body and header coercion, the single readers). No promise of stability: it changes with
// the adapters that use it.
export { bytesToText, isStreamContentType, lastLine, linesBody, parseJson, readBody, splitLines, textToBody } from './body'
export { nonBlank, stringOrNull } from './build'
export { noHeaders, readHeaders } from './headers'
export { copyExtras, defineMember, extraMembers, gatherMembers, hasOwnMember, isJson, isPlainObject, leadingElements, readOwnData, splitMembers, toJson } from './json'
export type { GatheredMembers, JsonCopyBudget, JsonCopyLimits } from './json'
export { isReasonWord, isSnakeCase, maxReasonCodeLength, parseReasonCode, reasonCode } from './reasonCode'
export { retryAfterAt } from './retryAfter'
export { fieldText, fitViolationText, formatCount, textBounds } from './textBounds'
export { transportReasonOfCode } from './transport'
export { typedEnvelopeDecoder } from './typedEnvelope'
export { isFetchResponse, readFetchResponse } from './input/fetch'
export { readHttpError } from './input/httpError'
export { readIncomingMessage } from './input/incomingMessage'
export { readPlainResponse } from './input/plain'
export { decompressionOf, readStreamText } from './input/bodyStream'
export type { StreamRead } from './input/bodyStream'
