import { describe, expect, it } from 'vitest'
import { isReasonWord, parseReasonCode, reasonCode } from '../src/reasonCode'

describe('kind/reason codes', () => {
  it('parse what reasonCode writes, and nothing malformed', () => {
    expect(parseReasonCode(reasonCode('rate_limited', 'throttled'))).toEqual({ kind: 'rate_limited', reason: 'throttled' })
    for (const code of ['nope/x', 'timeout/Bad-Reason', 'timeout/a/b', 'timeout', 'timeout/']) expect(parseReasonCode(code)).toBeUndefined()
  })

  it('are not split past 128 characters, nor are reasons searched', () => {
    expect(parseReasonCode(reasonCode('timeout', 'a'.repeat(120)))).toEqual({ kind: 'timeout', reason: 'a'.repeat(120) })
    expect(parseReasonCode(reasonCode('timeout', 'a'.repeat(121)))).toBeUndefined()
    expect([isReasonWord('a'.repeat(128)), isReasonWord('a'.repeat(129)), isReasonWord('Not_snake')]).toEqual([true, false, false])
  })
})
