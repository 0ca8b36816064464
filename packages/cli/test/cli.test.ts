import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CanonicalError } from '@faultline/core'
import { describe, expect, it } from 'vitest'
import { run } from './runCli'


const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 8, minute)).toISOString()
const unauthorized = (minute: number, vendor = 'medblocks') =>
  JSON.stringify({ vendor, at: at(minute), status: 401, headers: {}, body: { error: { type: 'authentication_error', code: 'invalid_api_key', message: 'API key invalid' } } })
const ok = (minute: number) => JSON.stringify({ vendor: 'scribe', at: at(minute), status: 200, body: { id: 'c_1' } })

const capture = [
  unauthorized(0),
  ok(1),
  'this is not json',
  JSON.stringify({ vendor: 'scribe', at: at(2), status: 404, body: '{"error":{"type":"invalid_request_error","code":"resource_not_found","message":"No session."}}' }),
  '',
  JSON.stringify({ at: at(3), status: 503, body: '' }),
  JSON.stringify({ vendor: 'medblocks', status: 'soon' }),
  JSON.stringify({ vendor: 'medblocks', at: at(4), status: 400, body: { error: { type: 'invalid_request_error', code: 'brand_new_code', message: 'New.' } } }),
].join('\n')

describe('faultline normalize', () => {
  it('writes one canonical error a line, reports bad lines by number, and counts add up', async () => {
    const { code, out, err } = await run(['normalize'], capture)
    const errors = out.trim().split('\n').map((line) => JSON.parse(line) as unknown)
    expect(errors).toHaveLength(3)
    for (const error of errors) expect(CanonicalError.is(error)).toBe(true)
    expect(errors.map((e) => (e as { kind: string }).kind)).toEqual(['authentication', 'not_found', 'invalid_request'])
    expect(err).toContain('line 3: skipped: not JSON')
    expect(err).toContain('line 6: skipped: no vendor')
    expect(err).toContain('line 7: skipped: status is not an HTTP status')
    expect(err).toContain('7 lines read: 3 errors, 1 successes, 3 skipped')
    expect(code).toBe(0)
  })

  it('takes the vendor of unnamed lines from --vendor, and --strict fails on skipped lines', async () => {
    const { code, out } = await run(['normalize', '--vendor', 'scribe', '--strict'], capture)
    expect(out.trim().split('\n')).toHaveLength(4)
    expect(code).toBe(3)
  })

  it('reads a file argument', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-'))
    const file = join(dir, 'capture.ndjson')
    writeFileSync(file, `${unauthorized(0)}\r\n${unauthorized(1)}\r\n`)
    const { out, err } = await run(['normalize', file])
    expect(out.trim().split('\n')).toHaveLength(2)
    expect(err).toContain('2 lines read: 2 errors, 0 successes, 0 skipped')
  })

  it('fails cleanly on a missing file', async () => {
    const { code, err } = await run(['normalize', '/nonexistent/capture.ndjson'])
    expect(code).toBe(1)
    expect(err).toContain('cannot read /nonexistent/capture.ndjson (ENOENT)')
  })
})

describe('faultline report', () => {
  it('skips a line whose "at" no date can hold, instead of failing', async () => {
    const { code, err, out } = await run(['report'], `${JSON.stringify({ vendor: 'medblocks', at: 1e20, status: 500, body: '' })}\n${unauthorized(1)}`)
    expect(code).toBe(0)
    expect(err).toContain('line 1: skipped: "at"')
    expect(out).toContain('1 errors in 1 responses')
  })

  it('summarizes errors by vendor and kind, reasons, retryable share and unrecognized codes', async () => {
    const { out, code } = await run(['report', '--vendor', 'scribe'], capture)
    expect(code).toBe(0)
    expect(out).toContain('4 errors in 5 responses')
    expect(out).toMatch(/authentication\s+1\s+0\s+1/)
    expect(out).toContain('25% of errors retryable (1)')
    expect(out).toContain('medblocks: brand_new_code')
    expect(out).not.toContain('\x1b[')
  })
})

describe('faultline alerts', () => {
  it('replays a credentials break through the default rules: fires, then resolves when time passes', async () => {
    const lines = [...Array.from({ length: 6 }, (_, i) => unauthorized(i)), ok(40)].join('\n')
    const { out, code } = await run(['alerts'], lines)
    expect(code).toBe(0)
    expect(out).toMatch(/FIRING\s+page\s+credentials-failing\s+vendor=medblocks/)
    expect(out).toMatch(/resolved\s+page\s+credentials-failing/)
    expect(out).toContain('0 alerts firing at the end of the capture')
  })

  it('reports invalid rules path-precisely', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-'))
    const rules = join(dir, 'rules.json')
    writeFileSync(rules, JSON.stringify([{ id: 'Bad Id', summary: 's', runbook: 'r', match: {}, groupBy: [], threshold: { count: -1, windowSeconds: 60 }, severity: 'page' }]))
    const { code, err } = await run(['alerts', '--rules', rules], '')
    expect(code).toBe(1)
    expect(err).toContain('rules[0]')
  })
})

describe('faultline rules', () => {
  it('prints the default pack as Prometheus rules', async () => {
    const { out, code } = await run(['rules', '--prometheus'])
    expect(code).toBe(0)
    expect(out).toContain('groups:')
    expect(out).toContain('faultline_errors_total')
  })
})

describe('usage', () => {
  it('documents every command and its exit codes', async () => {
    const { out, code } = await run(['--help'])
    expect(code).toBe(0)
    for (const command of ['normalize', 'report', 'alerts', 'rules']) expect(out).toContain(command)
    expect(out).toContain('Exit codes')
    for (const command of ['normalize', 'report', 'alerts', 'rules']) expect((await run([command, '--help'])).out).toContain(`faultline ${command}`)
  })

  it('rejects unknown commands and options with exit code 2', async () => {
    expect((await run(['explode'])).code).toBe(2)
    expect((await run(['normalize', '--frobnicate'])).code).toBe(2)
  })
})

describe('usage: names inherited from Object.prototype', () => {
  it.each(['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty'])('rejects %s as an unknown command', async (command) => {
    expect((await run([command])).code).toBe(2)
  })
})
