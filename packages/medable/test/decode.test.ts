import { CanonicalError, createNormalizer, readResponse, type ResponseInput } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { medableAdapter } from '../src/adapter'
import { decodeMedable, faultOfBody, isMedableFault } from '../src/decode'
import { cortexValidationFault, invalidObjectFault, seedValidationFault } from './fixtures'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const decode = (input: ResponseInput) => decodeMedable(readResponse(input), { now })

describe('decodeMedable: the documented fault tree', () => {
  const error = decode({ status: 400, headers: { 'x-request-id': 'req_1', 'retry-after': '7' }, body: seedValidationFault })

  it('normalizes the root to invalid_request/validation_failed', () => {
    expect(error).toMatchObject({
      kind: 'invalid_request',
      reason: 'validation_failed',
      vendor: 'medable',
      vendorCode: 'kValidationError',
      vendorType: 'validation',
      status: 400,
      param: null,
      requestId: 'req_1',
      retryAfter: 7,
      recognized: true,
      truncated: false,
      extensions: {},
    })
    expect(error?.message).toBe('The request was rejected as malformed or invalid.')
    expect(CanonicalError.is(error)).toBe(true)
  })

  it('lists the four violations in document order, a child without message using its reason', () => {
    expect(error?.violations).toEqual([
      { path: 'dob', reason: 'missing_field', message: 'Please enter a value', vendorCode: 'kRequired' },
      { path: 'name.last', reason: 'missing_field', message: 'Required property', vendorCode: 'kRequired' },
      { path: 'gender', reason: 'invalid_field', message: 'One of: m, f', vendorCode: 'kEnumValue' },
      { path: 'name.first', reason: 'invalid_field', message: 'Enter text between 1 and 100 characters in length', vendorCode: 'kInvalidString' },
    ])
  })

  it('keeps four causes with their own fields only', () => {
    expect(error?.causes).toHaveLength(4)
    expect(error?.causes[0]).toMatchObject({ kind: 'invalid_request', reason: 'missing_field', param: 'dob', message: 'Please enter a value', detail: 'Required property' })
    expect(error?.causes[1]).toMatchObject({ message: 'Required property', detail: null, param: 'name.last' })
    for (const cause of error?.causes ?? []) {
      expect(cause).toMatchObject({ violations: [], requestId: null, retryAfter: null, causes: [] })
    }
  })

  it('reads an undocumented child code with a path inside a validation parent as invalid_field, not internal (§7)', () => {
    expect(error?.causes[3]).toMatchObject({
      kind: 'invalid_request',
      reason: 'invalid_field',
      vendorCode: 'kInvalidString',
      vendorType: 'fault',
      status: 500,
      recognized: false,
    })
  })
})

describe('decodeMedable: mappings settled in issue #18', () => {
  it('reads kLocationAlreadyVerified as a conflict: nothing failed, the location is verified already', () => {
    expect(decode({ status: 400, body: { object: 'fault', name: 'location', code: 'kLocationAlreadyVerified', status: 400, message: 'Location already verified.' } })).toMatchObject({
      kind: 'conflict',
      reason: 'already_exists',
      status: 400,
      recognized: true,
      retryable: false,
      violations: [],
    })
  })

  it('reads kRegistrationInvitationRequired as permission/forbidden: registration is open, the invitation is missing', () => {
    expect(decode({ status: 403, body: { object: 'fault', name: 'registration', code: 'kRegistrationInvitationRequired', status: 403, message: 'Registration requires a valid invitation.' } })).toMatchObject({
      kind: 'permission',
      reason: 'forbidden',
      recognized: true,
    })
  })

  it('reads kCouldNotReadCookies as an invalid request: the client sends no cookie the session needs', () => {
    expect(decode({ status: 400, body: { object: 'fault', name: 'location', code: 'kCouldNotReadCookies', status: 400, message: 'Could not read cookies.' } })).toMatchObject({
      kind: 'invalid_request',
      reason: 'missing_field',
      recognized: true,
      retryable: false,
    })
  })

  it('still writes another vendor\'s conflict, permission and invalid request as Medable\'s general codes', () => {
    const foreign = (kind: 'conflict' | 'permission' | 'invalid_request', reason: string) =>
      (medableAdapter.encode({ ...decode({ status: 400, body: { object: 'fault', code: 'kExists', status: 400 } })!, vendor: 'medblocks', vendorCode: null, kind, reason }).body as { code: string }).code
    expect([foreign('conflict', 'resource_conflict'), foreign('permission', 'forbidden'), foreign('invalid_request', 'malformed'), foreign('invalid_request', 'missing_field')]).toEqual([
      'kExists',
      'kAccessDenied',
      'kInvalidArgument',
      'kRequired',
    ])
  })
})

describe('decodeMedable: FACTS.md fixtures', () => {
  it('makes a top-level path of an invalid request its param and first violation', () => {
    const error = decode({ status: 400, body: invalidObjectFault })
    expect(error).toMatchObject({ kind: 'invalid_request', reason: 'invalid_field', param: 'missing', message: 'Invalid or unknown object.' })
    expect(error?.extensions).toEqual({ errCode: 'cortex.invalidArgument.object' })
    expect(error?.violations).toEqual([{ path: 'missing', reason: 'invalid_field', message: 'Invalid or unknown object.', vendorCode: 'kInvalidObject' }])
  })

  it('gives a violation its fault\'s reason text when the message is a bare "Error" (issue #18)', () => {
    const error = decode({ status: 400, body: cortexValidationFault })
    expect(error?.violations).toEqual([
      { path: 'account.password', reason: 'missing_field', message: 'Please enter a value', vendorCode: 'kRequired' },
      { path: 'account.name.first', reason: 'invalid_field', message: 'Enter text between 1 and 100 characters in length', vendorCode: 'kInvalidString' },
    ])
    // The cause keeps what Medable sent, so that it is written back as it came.
    expect(error?.causes[1]).toMatchObject({ message: 'Error', detail: 'Enter text between 1 and 100 characters in length' })
  })

  it('keeps a message that says something, and a bare "Error" without a reason', () => {
    const child = (message: string, reason?: string) => ({ object: 'fault', code: 'kInvalidString', status: 500, message, path: 'a', ...(reason === undefined ? {} : { reason }) })
    const violations = decode({ status: 400, body: { object: 'fault', code: 'kValidationError', status: 400, faults: [child('Error: too long', 'Between 1 and 100'), child(' error. ', 'Between 1 and 100'), child('Error'), child('Error', '  ')] } })?.violations
    expect(violations?.map((violation) => violation.message)).toEqual(['Error: too long', 'Between 1 and 100', 'Error', 'Error'])
  })

  it('prefers §7 over the errCode category for an undocumented child with a path', () => {
    const error = decode({ status: 400, body: cortexValidationFault })
    expect(error?.causes.map((cause) => [cause.kind, cause.reason, cause.recognized, cause.detail])).toEqual([
      ['invalid_request', 'missing_field', true, 'Required property'],
      ['invalid_request', 'invalid_field', false, 'Enter text between 1 and 100 characters in length'],
    ])
    expect(error?.violations.map((violation) => violation.path)).toEqual(['account.password', 'account.name.first'])
    expect(error?.causes[1]?.extensions).toEqual({ errCode: 'cortex.error.unspecified' })
  })
})

describe('decodeMedable: success versus error (contract §5)', () => {
  it('treats kNewLocation at 200 and kMediaNotReady at 202 as errors with their own status', () => {
    const newLocation = decode({ status: 200, body: { object: 'fault', name: 'location', code: 'kNewLocation', errCode: 'cortex.success.newLocation', status: 200, message: 'A new location has been added.' } })
    expect(newLocation).toMatchObject({ kind: 'action_required', reason: 'location_verification_required', status: 200, retryable: false })
    const notReady = decode({ status: 202, body: { object: 'fault', code: 'kMediaNotReady', errCode: 'cortex.accepted.mediaNotReady', status: 202, reason: 'File is not ready. State: pending' } })
    expect(notReady).toMatchObject({ kind: 'pending', reason: 'media_not_ready', status: 202, retryable: true, message: 'File is not ready. State: pending', detail: null })
  })

  it('takes the fault\'s own status under a 2xx line, the line when it is 400 or more', () => {
    expect(decode({ status: 200, body: { object: 'fault', code: 'kNotFound', status: 404 } })?.status).toBe(404)
    expect(decode({ status: 200, body: { object: 'fault', code: 'kNotFound' } })?.status).toBe(200)
    expect(decode({ status: 502, body: { object: 'fault', code: 'kNotFound', status: 404 } })?.status).toBe(502)
  })

  it('keeps null for a bare fault without a status', () => {
    expect(decode({ body: { object: 'fault', code: 'kSessionExpired' } })).toMatchObject({ status: null, kind: 'authentication', reason: 'session_expired' })
    expect(decode({ body: { object: 'fault', code: 'kExists', status: 409 } })?.status).toBe(409)
  })

  it('answers null for success bodies and anything else below 400', () => {
    expect(decode({ status: 200, body: { object: 'result', data: { _id: '1' } } })).toBeNull()
    expect(decode({ status: 200, body: { object: 'list', data: [], hasMore: false } })).toBeNull()
    expect(decode({ status: 204, body: '' })).toBeNull()
    expect(decode({ status: 200, body: { object: 'fault!' } })).toBeNull()
  })

  it('decodes a status of 400 or more without a fault by its status', () => {
    expect(decode({ status: 503, headers: { 'retry-after': '30' }, body: '<html>busy</html>' })).toMatchObject({
      kind: 'unavailable',
      reason: 'service_unavailable',
      status: 503,
      retryAfter: 30,
      recognized: false,
      vendorCode: null,
    })
  })

  it('reads a fault on the LAST non-empty line of an NDJSON body only', () => {
    const fault = JSON.stringify({ object: 'fault', code: 'kTimeout', status: 408, message: 'Timeout.' })
    const stream = `{"_id":"1","object":"account"}\n{"_id":"2","object":"account"}\n${fault}\n\n`
    const error = decode({ status: 200, headers: { 'content-type': 'application/x-ndjson' }, body: stream })
    expect(error).toMatchObject({ kind: 'timeout', reason: 'timeout', status: 408, message: 'Timeout.' })
    const faultFirst = `${fault}\n{"_id":"2","object":"account"}\n`
    expect(decode({ status: 200, headers: { 'content-type': 'application/x-ndjson' }, body: faultFirst })).toBeNull()
    expect(decode({ status: 200, body: new TextEncoder().encode(`{"a":1}\n${fault}`) })).toMatchObject({ kind: 'timeout' })
  })

  it('detects faults by own property only', () => {
    const inherited = Object.create({ object: 'fault', code: 'kError' }) as object
    expect(isMedableFault(inherited)).toBe(false)
    expect(decode({ body: inherited })).toBeNull()
    expect(faultOfBody({ type: 'json', value: [{ object: 'fault' }] })).toBeUndefined()
  })
})

describe('decodeMedable: codes and errCodes', () => {
  it('maps by meaning, not status', () => {
    expect(decode({ status: 403, body: { object: 'fault', code: 'kSessionExpired', status: 403 } })).toMatchObject({ kind: 'authentication', reason: 'session_expired' })
    expect(decode({ status: 403, body: { object: 'fault', code: 'kUnverifiedLocation', status: 403 } })).toMatchObject({ kind: 'action_required', reason: 'location_verification_required' })
    expect(decode({ status: 500, body: { object: 'fault', code: 'kSessionRequired', status: 500 } })).toMatchObject({ kind: 'authentication', reason: 'session_required' })
  })

  it('gives an errCode-only fault the meaning of its category\'s code, as a fallback (no invented vendor code)', () => {
    const error = decode({ status: 404, body: { object: 'fault', errCode: 'cortex.notFound.instance', status: 404, message: 'Instance not found.' } })
    expect(error).toMatchObject({ kind: 'not_found', reason: 'resource_not_found', vendorCode: null, recognized: false, extensions: { errCode: 'cortex.notFound.instance' } })
  })

  it('gives an unknown code with a known category that category\'s kind and reason, unrecognized', () => {
    const error = decode({ status: 403, body: { object: 'fault', code: 'kLocationAccessRevokedV2', errCode: 'cortex.accessDenied.locationAccessRevoked', status: 403 } })
    expect(error).toMatchObject({ kind: 'permission', reason: 'forbidden', vendorCode: 'kLocationAccessRevokedV2', recognized: false })
  })

  it('reads a code-less child with a path inside an invalid_request parent as invalid_field, before its errCode', () => {
    const error = decode({
      status: 400,
      body: { object: 'fault', code: 'kValidationError', status: 400, faults: [{ object: 'fault', errCode: 'cortex.error.unspecified', status: 500, path: 'a' }, { object: 'fault', errCode: 'cortex.error.unspecified', status: 500 }] },
    })
    expect(error?.causes.map((cause) => [cause.kind, cause.reason, cause.vendorCode, cause.recognized])).toEqual([
      ['invalid_request', 'invalid_field', null, false],
      ['internal', 'internal_error', null, false],
    ])
    expect(error?.violations).toEqual([{ path: 'a', reason: 'invalid_field', message: 'The request was rejected as malformed or invalid.', vendorCode: null }])
  })

  it('falls back to the status for an unknown code and category', () => {
    expect(decode({ status: 429, body: { object: 'fault', code: 'kSomethingNew', errCode: 'cortex.fresh.thing', status: 429 } })).toMatchObject({
      kind: 'rate_limited',
      reason: 'throttled',
      vendorCode: 'kSomethingNew',
      recognized: false,
    })
  })

  it('reads the two 2xx faults from their errCode alone, as kNewLocation and kMediaNotReady map (FACTS.md)', () => {
    expect(decode({ status: 200, body: { object: 'fault', errCode: 'cortex.success.newLocation' } })).toMatchObject({
      kind: 'action_required',
      reason: 'location_verification_required',
      vendorCode: null,
      status: 200,
      recognized: false,
      retryable: false,
      extensions: { errCode: 'cortex.success.newLocation' },
    })
    expect(decode({ status: 202, body: { object: 'fault', errCode: 'cortex.accepted.mediaNotReady', status: 202, reason: 'File is not ready. State: pending' } })).toMatchObject({
      kind: 'pending',
      reason: 'media_not_ready',
      vendorCode: null,
      status: 202,
      recognized: false,
      retryable: true,
      message: 'File is not ready. State: pending',
    })
    // An unknown code with such an errCode takes it as its fallback too (contract §3 rule 2).
    expect(decode({ status: 200, body: { object: 'fault', code: 'kNewLocationV2', errCode: 'cortex.success.newLocation', status: 200 } })).toMatchObject({
      kind: 'action_required',
      vendorCode: 'kNewLocationV2',
      recognized: false,
    })
  })

  it('keeps reason as detail when message is present, and trace/resource/index/unknown members in extensions', () => {
    const error = decode({
      status: 400,
      body: { object: 'fault', name: 'error', code: 'kInvalidArgument', errCode: 'cortex.invalidArgument.unspecified', status: 400, message: 'Invalid Argument', reason: 'Expected a number.', path: 'age', trace: ['at x'], resource: 'c_patient.age', index: 2, future: { a: 1 } },
    })
    expect(error).toMatchObject({ message: 'Invalid Argument', detail: 'Expected a number.', param: 'age' })
    expect(error?.extensions).toEqual({ errCode: 'cortex.invalidArgument.unspecified', trace: ['at x'], resource: 'c_patient.age', index: 2, future: { a: 1 } })
  })

  it('keeps param without a violation outside invalid requests, but still lists descendants', () => {
    const error = decode({ status: 404, body: { object: 'fault', code: 'kNotFound', status: 404, path: 'c_study', faults: [{ object: 'fault', code: 'kRequired', path: 'x' }] } })
    expect(error).toMatchObject({ kind: 'not_found', param: 'c_study' })
    expect(error?.violations.map((violation) => violation.path)).toEqual(['x'])
  })

  it('never throws on hostile input', () => {
    const hostile = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('boom') }, get: () => { throw new Error('boom') } })
    expect(() => decode({ status: 500, body: { object: 'fault', faults: [hostile] } })).not.toThrow()
    expect(decode({ status: 500, body: { object: 'fault', faults: [hostile] } })).toMatchObject({ kind: 'internal', status: 500 })
    // An input that cannot be read is the view of nothing: no error in it, which the normalizer reports as unknown.
    expect(decode(hostile as never)).toBeNull()
    expect(createNormalizer([medableAdapter]).normalizeError('medable', hostile)).toMatchObject({ kind: 'unknown' })
  })
})
