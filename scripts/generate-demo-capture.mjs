// Writes examples/day.ndjson: one reproducible day of mixed-vendor traffic (fixed seeds), with the incidents an
// integration platform meets: an EHR outage behind Medblocks, a Medipim key deactivated, a rate-limit storm,
// a deploy that breaks scribe payloads, Medable starting to send codes nobody documented, 2xx faults all day.
// Sporadic errors are drawn from @faultline/testing's arbitraries; incidents are written in each vendor's dialect.
// Run after `pnpm build`: node scripts/generate-demo-capture.mjs [--check]
// (--check writes nothing and exits 1 when the committed capture differs from what the script generates.)
import { readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { normalizeError } from '../packages/faultline/dist/index.js'
import {
  medableNormalFormResponse,
  medblocksNormalFormResponse,
  medipimNormalFormResponse,
  scribeNormalFormResponse,
} from '../packages/testing/dist/index.js'

const day = Date.UTC(2026, 10, 23)
const minute = 60_000
const at = (hours, minutes = 0, seconds = 0) => day + hours * 3_600_000 + minutes * minute + seconds * 1000

// mulberry32: a tiny seeded PRNG, so timings are the same on every run.
function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = prng(20261123)

const lines = []
const capture = (vendor, time, response) => lines.push({ vendor, at: new Date(Math.round(time)).toISOString(), ...response })

// Background errors: what a healthy day still has (bad input, missing records, conflicts), from the arbitraries.
const benign = new Set(['invalid_request', 'not_found', 'conflict'])
function sporadic(vendor, arbitrary, seed, count) {
  const pool = fc
    .sample(arbitrary, { seed, numRuns: count * 20 })
    .filter((response) => {
      const error = normalizeError(vendor, response)
      return error !== null && error.recognized && benign.has(error.kind) && JSON.stringify(response).length < 1_500
    })
  return pool.slice(0, count)
}
const background = {
  medblocks: sporadic('medblocks', medblocksNormalFormResponse(), 1, 60),
  scribe: sporadic('scribe', scribeNormalFormResponse(), 2, 60),
  medipim: sporadic('medipim', medipimNormalFormResponse(), 3, 60),
  medable: sporadic('medable', medableNormalFormResponse({ maxDepth: 2, maxChildren: 3 }), 4, 60),
}

const successes = {
  medblocks: () => ({ status: 200, headers: { 'x-request-id': `req_${Math.floor(random() * 1e9)}` }, body: { object: 'patient_session', id: `ps_${Math.floor(random() * 1e6)}`, status: 'active' } }),
  scribe: () => ({ status: 201, headers: {}, body: { consultationInternalId: `c-${Math.floor(random() * 1e6)}`, status: 'processing' } }),
  medipim: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { results: [{ id: `M${Math.floor(random() * 1e6)}`, name: { nl: 'Paracetamol 500 mg' } }], meta: { total: 1 } } }),
  medable: () => ({ status: 200, headers: {}, body: { object: 'result', data: { _id: Math.floor(random() * 1e9).toString(16), object: 'c_visit' } } }),
}

// Normal traffic: each vendor about every 90 s, 3% background errors.
for (const vendor of Object.keys(successes)) {
  let used = 0
  for (let time = at(0) + random() * 90_000; time < at(24); time += 45_000 + random() * 90_000) {
    if (random() < 0.03 && used < background[vendor].length) capture(vendor, time, background[vendor][used++])
    else capture(vendor, time, successes[vendor]())
  }
}

// 02:10-02:40 the EHR behind Medblocks is down: fhir_error 502s, and the proxy's own HTML 502 / 503 pages.
for (let time = at(2, 10); time < at(2, 40); time += 8_000 + random() * 6_000) {
  const roll = random()
  if (roll < 0.5) capture('medblocks', time, { status: 502, headers: { 'x-request-id': `req_${Math.floor(random() * 1e9)}` }, body: { error: { type: 'ehr_error', code: 'fhir_error', message: 'Upstream FHIR service failed.', param: null, doc_url: 'https://docs.medblocks.com/errors/fhir_error' } } })
  else if (roll < 0.8) capture('medblocks', time, { status: 502, headers: { 'content-type': 'text/html' }, body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' })
  else capture('medblocks', time, { status: 503, headers: { 'retry-after': '30' }, body: '' })
}

// 07:30-08:15 someone deactivated the Medipim API key: every call is refused until it is rotated.
for (let time = at(7, 30); time < at(8, 15); time += 20_000 + random() * 20_000) {
  capture('medipim', time, { status: 401, headers: { 'content-type': 'application/json' }, body: { error: { status: 401, code: 'authentication.api_key_is_not_active', message: 'The API key exists but has been deactivated.' } } })
}

// 11:00-11:25 a bulk import hammers Medblocks: 429s with Retry-After, well past the SDK's retries.
for (let time = at(11, 0); time < at(11, 25); time += 3_000 + random() * 5_000) {
  capture('medblocks', time, { status: 429, headers: { 'retry-after': String(1 + Math.floor(random() * 5)) }, body: { error: { type: 'rate_limit_error', code: 'throttled', message: 'Too many requests.', param: null } } })
}

// 14:00 onwards Medable rolls out a new session policy with a code nobody documented.
for (let time = at(14, 5); time < at(15, 30); time += 4 * minute + random() * 4 * minute) {
  capture('medable', time, { status: 403, headers: {}, body: { object: 'fault', name: 'session', code: 'kSessionConcurrencyExceeded', errCode: 'cortex.accessDenied.concurrentSessions', status: 403, message: 'Too many concurrent sessions for this account.' } })
}

// 16:20-16:40 a deploy drops consultationInternalId from scribe payloads.
for (let time = at(16, 20); time < at(16, 40); time += 15_000 + random() * 15_000) {
  capture('scribe', time, { status: 400, headers: {}, body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'consultationInternalId is required.', param: 'consultationInternalId' } } })
}

// All day: Medable's 2xx faults (a clinician signs in from a new place; uploads are still processing).
for (const [hours, minutes] of [[6, 12], [9, 47], [13, 3], [18, 30]]) {
  capture('medable', at(hours, minutes), { status: 200, headers: {}, body: { object: 'fault', name: 'location', code: 'kNewLocation', errCode: 'cortex.success.newLocation', status: 200, message: 'A new location has been added to the account. Verify it to sign in.' } })
}
for (let time = at(10); time < at(17); time += 25 * minute + random() * 20 * minute) {
  capture('medable', time, { status: 202, headers: {}, body: { object: 'fault', name: 'files', code: 'kMediaNotReady', errCode: 'cortex.accepted.mediaNotReady', status: 202, reason: 'File is not ready. State: pending' } })
}

// 19:05 a Medipim product stream fails after its 200: the error is the last line of the stream.
capture('medipim', at(19, 5), {
  status: 200,
  headers: { 'content-type': 'application/x-json-stream' },
  body: '{"id":"M1","name":{"nl":"Ibuprofen"}}\n{"id":"M2","name":{"nl":"Cetirizine"}}\n{"error":{"status":500,"code":"server_error","message":"The server encountered an unexpected error."}}\n',
})

// A proxy page and a truncated answer, as real captures have.
capture('scribe', at(21, 14), { status: 504, headers: { 'content-type': 'text/html' }, body: '<html><body>504 Gateway Time-out</body></html>' })
capture('medable', at(22, 40), { status: 500, headers: {}, body: '{"object":"fault","code":"kError","sta' })

lines.sort((a, b) => a.at.localeCompare(b.at))
const text = `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`
const target = new URL('../examples/day.ndjson', import.meta.url)
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === text
  console.log(same ? 'examples/day.ndjson is what the script generates' : 'examples/day.ndjson is stale: run node scripts/generate-demo-capture.mjs')
  process.exitCode = same ? 0 : 1
} else {
  writeFileSync(target, text)
  console.log(`wrote examples/day.ndjson: ${lines.length} responses, ${(text.length / 1024).toFixed(0)} KiB`)
}
