// Vendor responses as the vendors' own documentation shows them, plus what proxies and networks add.
export const capturedResponses = [
  {
    vendor: 'medblocks',
    note: '401 invalid_api_key',
    response: { status: 401, headers: { 'X-Request-Id': '9c9b6f7a' }, body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid', param: null, doc_url: 'https://docs.medblocks.com/errors/invalid_api_key', request_id: '9c9b6f7a-8e4f-4a3b-9c1e-6f3a2d8b7c4d' } } },
  },
  {
    vendor: 'medblocks',
    note: '429 with Retry-After',
    response: { status: 429, headers: [['Retry-After', '30']], body: '{"error":{"type":"rate_limit_error","code":"throttled","message":"Too many requests."}}' },
  },
  {
    vendor: 'medblocks',
    note: '502 fhir_error',
    response: { status: 502, body: { error: { type: 'ehr_error', code: 'fhir_error', message: 'Upstream FHIR service failed.' } } },
  },
  {
    vendor: 'medblocks',
    note: 'HTML 502 from a proxy',
    response: { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  },
  {
    vendor: 'scribe',
    note: '401 authentication_required',
    response: { status: 401, body: { error: { type: 'authentication_error', code: 'authentication_required', message: 'Invalid API key.' } } },
  },
  {
    vendor: 'scribe',
    note: '404 under invalid_request_error',
    response: { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_not_found', message: 'No session scribe found for the given consultation ID.' } } },
  },
  {
    vendor: 'scribe',
    note: '400 idCountry invalid',
    response: { status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_invalid', message: 'idCountry must be a valid country name, ISO alpha-2, or ISO alpha-3 code.', param: 'idCountry' } } },
  },
  {
    vendor: 'scribe',
    note: 'empty 503',
    response: { status: 503, headers: new Headers({ 'retry-after': 'Mon, 23 Nov 2026 12:01:00 GMT' }), body: '' },
  },
  {
    vendor: 'scribe',
    note: '200 success',
    response: { status: 200, body: { consultationInternalId: 'c-1', status: 'done' } },
  },
]
