// The first thing to run: vendor failures in their own dialects, normalized into one union.
// `pnpm start` builds the workspace and runs this file against the built packages.
import { normalizeError } from '../packages/faultline/dist/index.js'
import { capturedResponses } from './responses.mjs'

const now = Date.UTC(2026, 10, 23, 12, 0, 0)
const rows = capturedResponses.map(({ vendor, note, response }) => {
  const error = normalizeError(vendor, response, { now })
  return {
    vendor,
    'what arrived': note,
    kind: error?.kind ?? '(success)',
    reason: error?.reason ?? '',
    'vendor code': error?.vendorCode ?? '',
    status: error?.status ?? '',
    retry: error === null ? '' : error.retryable ? `yes${error.retryAfter === null ? '' : ` after ${error.retryAfter}s`}` : 'no',
    known: error === null ? '' : error.recognized ? 'yes' : 'no',
  }
})

const columns = Object.keys(rows[0])
const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)))
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ')
console.log(line(columns))
console.log(line(widths.map((width) => '-'.repeat(width))))
for (const row of rows) console.log(line(columns.map((column) => row[column])))

const credentialFailures = rows.filter((row) => row.kind === 'authentication').map((row) => row.vendor)
console.log(`\nOne rule, every vendor: kind === 'authentication' caught ${credentialFailures.length} credential failures (${[...new Set(credentialFailures)].join(', ')}).`)
