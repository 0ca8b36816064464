import { canonicalError, kindTable, responseView, type Adapter, type CanonicalError, type NormalizeOptions } from '@faultline/core'
import { hasOwnMember, nonBlank, readOwnData, stringOrNull } from '@faultline/core/internal'

const signatureReasons: ReadonlySet<string> = new Set(kindTable.signature.reasons)

const own = (value: object, key: string): unknown => readOwnData(value, key)
const isSeconds = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0

// The SDK's classes name themselves `Medblocks*Error`; `name` is read through the prototype like Error#name.
const nameOf = (value: object): string | undefined => {
  const name = (value as { name?: unknown }).name
  return typeof name === 'string' ? name : undefined
}

/**
 * Decodes an error thrown by the Medblocks SDK (`@medblocks/connect`), as a class instance or a plain object
 * with its documented fields: `type, code, message, param, requestId, statusCode, docUrl` (+ `retryAfter`),
 * or `MedblocksSignatureError` with `reason` and no status. `undefined` when `thrown` is neither.
 */
export function decodeMedblocksSdkError(
  thrown: object,
  options: NormalizeOptions | undefined,
  decode: Adapter['decode'],
): CanonicalError | undefined {
  const name = nameOf(thrown)
  const reason = own(thrown, 'reason')
  if (name === 'MedblocksSignatureError' || (typeof reason === 'string' && signatureReasons.has(reason) && !hasOwnMember(thrown, 'statusCode'))) {
    const known = typeof reason === 'string' && signatureReasons.has(reason)
    return canonicalError({
      kind: 'signature',
      reason: known ? reason : 'unrecognized',
      vendor: 'medblocks',
      vendorCode: stringOrNull(reason),
      vendorType: name ?? null,
      message: nonBlank(own(thrown, 'message')),
      recognized: known,
    })
  }
  const type = own(thrown, 'type')
  const code = own(thrown, 'code')
  if (typeof type !== 'string' && typeof code !== 'string') return undefined
  const fromSdk = name?.startsWith('Medblocks') === true || ['statusCode', 'requestId', 'docUrl'].some((key) => hasOwnMember(thrown, key))
  if (!fromSdk) return undefined
  const statusCode = own(thrown, 'statusCode')
  const decoded = decode(
    responseView(
      statusCode,
      undefined,
      {
        error: {
          type,
          code,
          message: own(thrown, 'message'),
          param: own(thrown, 'param'),
          doc_url: own(thrown, 'docUrl'),
          request_id: own(thrown, 'requestId'),
        },
      },
    ),
    options,
  )
  if (decoded === null) return undefined
  // The SDK already parsed Retry-After; its number is used as it is (contract §4).
  const retryAfter = own(thrown, 'retryAfter')
  return isSeconds(retryAfter) ? { ...decoded, retryAfter: retryAfter === 0 ? 0 : retryAfter } : decoded
}
