/**
 * Vendor-shaped failed responses (parsed bodies, lower-case header records) that the benchmark times and
 * that packages/faultline/test/benchBaselines.test.ts checks the hand-written baselines against.
 * Shapes follow the vendor documents in ../shared/vendor-docs (and the adapters' own test fixtures).
 */

/** @type {Record<'medblocks' | 'scribe' | 'medipim' | 'medable', ReadonlyArray<{ status: number, headers: Record<string, string>, body: unknown }>>} */
export const fixtures = {
  medblocks: [
    {
      status: 401,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_hdr_1' },
      body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid', param: null, doc_url: 'https://docs.medblocks.com/errors#invalid_api_key', request_id: 'req_9f2c1a' } },
    },
    {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'invalid_request_error', code: 'invalid_data', message: 'name.first is required.', param: 'name.first', doc_url: 'https://docs.medblocks.com/errors#invalid_data', request_id: 'req_7b1d' } },
    },
    {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '30', 'x-request-id': 'req_429' },
      body: { error: { type: 'rate_limit_error', code: 'throttled', message: 'Too many requests.', param: null } },
    },
    {
      status: 502,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'ehr_error', code: 'fhir_error', message: 'Upstream FHIR service failed.', param: null, request_id: 'req_502', upstream: 'epic' } },
    },
    {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'invalid_request_error', code: 'consent_missing', message: 'Consent is missing.', param: 'consent' } },
    },
  ],
  scribe: [
    {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'authentication_error', code: 'authentication_required', message: 'Missing or invalid API key.' } },
    },
    {
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'invalid_request_error', code: 'resource_not_found', message: 'No session scribe found.' } },
    },
    {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'patient_id is required.', param: 'patient_id' } },
    },
    {
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '120' },
      body: { error: { type: 'api_error', code: 'service_unavailable', message: 'Transcription engine unavailable.' } },
    },
    {
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: { error: { type: 'api_error', code: 'llm_failed', message: 'Summary generation failed.' } },
    },
  ],
  medipim: [
    {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: { error: { status: 401, code: 'authentication.api_key_not_found', message: 'The API key you provided does not exist.' } },
    },
    {
      status: 422,
      headers: { 'content-type': 'application/json', 'x-request-id': 'mp-422' },
      body: {
        error: {
          status: 422,
          code: 'validation_failed',
          message: 'Validation failed.',
          violations: [
            { propertyPath: 'filter.name', message: 'This value should not be blank.', code: 'c1051bb4-d103-4f74-8988-acbcafc7fdc3' },
            { propertyPath: 'page.size', message: 'This value should be 250 or less.', code: 'too_high' },
            { propertyPath: 'sorting', message: 'This field is missing.', code: 'required' },
          ],
        },
      },
    },
    {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '1' },
      body: { error: { status: 429, code: 'too_many_requests', message: 'Too many requests.' } },
    },
    {
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: { error: { status: 404, code: 'not_found', message: 'Product 7731 not found.' } },
    },
    {
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: { error: { status: 401, code: 'authentication.token_revoked', message: 'The token was revoked.', hint: 'rotate' } },
    },
  ],
  medable: [
    {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: { object: 'fault', name: 'session', code: 'kSessionExpired', errCode: 'cortex.accessDenied.sessionExpired', status: 403, message: 'Your session has expired.' },
    },
    {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-request-id': 'md-400' },
      body: {
        object: 'fault',
        name: 'error',
        code: 'kValidationError',
        errCode: 'cortex.invalidArgument.unspecified',
        status: 400,
        message: 'Invalid Argument',
        faults: [
          { object: 'fault', name: 'validation', code: 'kRequired', errCode: 'cortex.validation.required', status: 400, message: 'Please enter a value', path: 'account.password', reason: 'Required property' },
          { object: 'fault', name: 'error', code: 'kInvalidString', errCode: 'cortex.error.unspecified', status: 500, message: 'Error', path: 'account.name.first', reason: 'Enter text between 1 and 100 characters in length' },
        ],
      },
    },
    {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { object: 'fault', name: 'location', code: 'kNewLocation', errCode: 'cortex.success.newLocation', status: 200, reason: 'A new location has been added to the account.' },
    },
    {
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: { object: 'fault', name: 'error', errCode: 'cortex.notFound.instance', status: 404, message: 'Instance not found.', resource: 'c_patient.5f2b' },
    },
    {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '5' },
      body: { object: 'fault', name: 'error', code: 'kThrottled', status: 429, message: 'Request throttled.' },
    },
  ],
}

/** The same fixtures with each body as JSON text, as a log replay or a raw HTTP client holds them. */
export const textFixtures = Object.fromEntries(
  Object.entries(fixtures).map(([vendor, list]) => [vendor, list.map((response) => ({ ...response, body: JSON.stringify(response.body) }))]),
)

/**
 * Successful answers as JSON text, as a client that normalizes every response (to catch the faults some
 * vendors send with a 2xx) holds them: `normalizeError` must read each and answer `null`.
 */
export const successTextFixtures = [
  { object: 'result', data: { _id: '5f2b1c', object: 'c_patient', c_name: 'Ana' } },
  { object: 'list', data: [{ _id: 'a1', object: 'account' }, { _id: 'a2', object: 'account' }], hasMore: false },
  { resourceType: 'Patient', id: 'pat_1', name: [{ given: ['Ana'], family: 'Silva' }], birthDate: '1980-02-01' },
  { products: [{ id: 7731, name: { nl: 'Paracetamol 500 mg' }, status: 'active' }], meta: { total: 1, page: 1 } },
].map((body) => ({ status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_ok' }, body: JSON.stringify(body) }))
