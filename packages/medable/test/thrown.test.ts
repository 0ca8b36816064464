import { describe, expect, it } from 'vitest'
import { decodeMedableThrown } from '../src/thrown'

// What a `Fault` of @medable/mdctl-core holds as own members (see interop.test.ts for the real class).
const faultLike = (code: string, statusCode: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(extra.message as string | undefined), { errCode: 'mdctl.error.unspecified', code, statusCode, name: 'fault', faults: [], ...extra })

describe('decodeMedableThrown', () => {
  it('decodes an instance with own errCode and code, children included', () => {
    const child = faultLike('kRequired', 400, { path: 'dob', reason: 'Required property' })
    const error = decodeMedableThrown(faultLike('kValidationError', 400, { message: 'Invalid', faults: [child] }))
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'validation_failed', status: 400, message: 'Invalid', requestId: null })
    expect(error?.violations).toEqual([{ path: 'dob', reason: 'missing_field', message: 'Required property', vendorCode: 'kRequired' }])
    expect(error?.extensions).toEqual({ errCode: 'mdctl.error.unspecified' })
  })

  it('ignores errors whose Medable members are inherited or not dotted', () => {
    const inherited = Object.create(Object.assign(Object.create(Error.prototype), { errCode: 'mdctl.error.unspecified', code: 'kError' })) as object
    expect(decodeMedableThrown(inherited)).toBeUndefined()
    expect(decodeMedableThrown(Object.assign(new Error('x'), { errCode: 'kError', code: 'kError' }))).toBeUndefined()
    expect(decodeMedableThrown(new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('boom') } }))).toBeUndefined()
  })
})
