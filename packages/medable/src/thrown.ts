import { type CanonicalError } from '@faultline/core'
import { readOwnData } from '@faultline/core/internal'
import { instanceDialect } from './faultNode'
import { decodeFaultTree } from './faultTree'

/**
 * Decodes a `Fault` instance thrown by Medable's own client (`@medable/mdctl-core`), recognized by its OWN
 * dotted `errCode` and `code` (that client also writes those onto `Error.prototype`, so every Error inherits
 * them). `undefined` for anything else.
 */
export function decodeMedableThrown(thrown: object): CanonicalError | undefined {
  try {
    const errCode = readOwnData(thrown, 'errCode')
    if (typeof errCode !== 'string' || !errCode.includes('.') || typeof readOwnData(thrown, 'code') !== 'string') return undefined
    // No status line: the fault's own `statusCode` is its status.
    return decodeFaultTree(thrown, { statusLine: null, requestId: null, retryAfter: null }, instanceDialect)
  } catch {
    return undefined
  }
}
