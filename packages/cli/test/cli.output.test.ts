import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable, Writable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/main'
import { run } from './runCli'
import { normalizeError } from 'faultline'


// What a terminal acts on: C0 but the line break, DEL, C1, line separators, bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex
const terminalControls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

const forged = '\u001b[2J\u001b]0;pwned\u0007x\r\nline 1: skipped: forged'
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 8, minute)).toISOString()
const unknownCode = (code: string, vendor = 'medblocks', minute = 0) =>
  JSON.stringify({ vendor, at: at(minute), status: 400, headers: {}, body: { error: { type: 'invalid_request_error', code, message: 'New.' } } })

const tempFile = (name: string, text: string | Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'faultline-')), name)
  writeFileSync(file, text)
  return file
}

// A rule that fires on the first error, per vendor and vendor code.
const everyErrorRule = (summary = 'An error.') => ({
  id: 'every-error',
  summary,
  runbook: 'Look.',
  match: {},
  groupBy: ['vendor', 'vendorCode'],
  threshold: { count: 1, windowSeconds: 60 },
  severity: 'page',
})

describe('what the CLI prints: vendor text escaped and redacted', () => {
  it('report: unrecognized codes and vendors are redacted, and cannot clear the screen or forge a line', async () => {
    const capture = [
      unknownCode('jane.doe@example.org'),
      unknownCode('sk_live_abcdef123456'),
      unknownCode(forged),
      JSON.stringify({ vendor: forged, at: at(1), status: 400, body: '' }),
    ].join('\n')
    const { code, out, err } = await run(['report'], capture)
    expect(code).toBe(0)
    for (const text of [out, err]) {
      expect(text).not.toMatch(terminalControls)
      expect(text).not.toMatch(/^line 1: skipped: forged/m)
      expect(text).not.toContain('jane.doe')
      expect(text).not.toContain('sk_live_abcdef')
    }
    expect(out).toContain('medblocks: [redacted:email]')
    expect(out).toContain('medblocks: [redacted:key]')
    expect(out).toContain('medblocks: \\u001b[2J\\u001b]0;pwned\\u0007x\\u000d\\u000aline 1: skipped: forged')
    expect(out).toMatch(/^kind\s+\\u001b\[2J/m) // the vendor as a column
  })

  it('report: a long code is one bounded cell', async () => {
    const { out } = await run(['report'], unknownCode('c'.repeat(100_000)))
    expect(out).toMatch(new RegExp(`medblocks: c{200}…\\s+1`))
    expect(Math.max(...out.split('\n').map((line) => line.length))).toBeLessThan(600)
  })

  it('alerts: group labels and summaries are redacted and escaped', async () => {
    const rules = tempFile('rules.json', JSON.stringify([everyErrorRule('Paged \u001b[31mred\u001b[0m for jane@example.org')]))
    const capture = [unknownCode(forged), unknownCode('sk_live_abcdef123456', 'medblocks', 1)].join('\n')
    const { code, out, err } = await run(['alerts', '--rules', rules], capture)
    expect(code).toBe(0)
    expect(out).not.toMatch(terminalControls)
    expect(err).not.toMatch(terminalControls)
    expect(out).not.toMatch(/^line 1: skipped: forged/m)
    expect(out).toContain('every-error  vendor=medblocks vendorCode=\\u001b[2J\\u001b]0;pwned\\u0007x\\u000d\\u000aline 1: skipped: forged  (1 in window)')
    expect(out).toMatch(/FIRING\s+page\s+every-error\s+vendor=medblocks vendorCode=\[redacted:key\]/)
    expect(out).toContain(': Paged \\u001b[31mred\\u001b[0m for [redacted:email]')
    expect(out).not.toContain('sk_live_abcdef')
  })

  it('errors and usage messages: file names, commands and options from the command line are escaped too', async () => {
    const missing = await run(['normalize', `/nonexistent/${forged}`])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('cannot read /nonexistent/\\u001b[2J')
    const unknown = await run([forged])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain("faultline: unknown command '\\u001b[2J")
    const option = await run(['report', `--${forged}`])
    expect(option.code).toBe(2)
    for (const { out, err } of [missing, unknown, option]) expect(out + err).not.toMatch(terminalControls)
  })

  it('for any vendor id and code: nothing a terminal acts on reaches stdout or stderr', { timeout: 20_000 }, async () => {
    const text = fc.array(fc.oneof(fc.constantFrom('\u001b', '\r', '\n', '\u0007', '\u009b', '\u0085', '\u202e', '\u2067', 'line 1: ', 'a'), fc.string({ unit: 'binary' })), { minLength: 1 }).map((parts) => parts.join(''))
    const rules = tempFile('rules.json', JSON.stringify([everyErrorRule()]))
    await fc.assert(
      fc.asyncProperty(text, text, async (vendor, code) => {
        const capture = [unknownCode(code, vendor), JSON.stringify({ vendor, status: 503, body: code }), `{"vendor":${JSON.stringify(vendor)}`].join('\n')
        for (const args of [['report'], ['alerts', '--rules', rules]]) {
          const { out, err } = await run(args, capture)
          expect(out).not.toMatch(terminalControls)
          expect(err).not.toMatch(terminalControls)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('runCli resolves with exit code 1 on a failure nothing expected, and prints it escaped', async () => {
    const stderr = new PassThrough()
    let err = ''
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const failing = new Writable({
      write() {
        throw new Error(`disk on fire ${forged}`)
      },
    })
    const code = await runCli(['rules', '--prometheus'], { stdin: Readable.from(['']), stdout: failing, stderr })
    expect(code).toBe(1)
    expect(err).toContain('faultline rules: unexpected failure: disk on fire \\u001b[2J')
    expect(err).not.toMatch(terminalControls)
  })
})

describe('normalize: the library error is the data', () => {
  it('writes exactly the CanonicalError normalizeError returns (not redacted), as JSON a terminal cannot act on', async () => {
    const line = {
      vendor: 'medblocks',
      at: at(0),
      status: 400,
      headers: { authorization: 'Bearer sk_live_headersecret123', 'set-cookie': 'session=abc' },
      body: { error: { type: 'invalid_request_error', code: 'sk_live_abcdef123456\u009b2J\u202e', message: 'Bad \u0085 request' } },
    }
    const { code, out } = await run(['normalize'], JSON.stringify(line))
    expect(code).toBe(0)
    const written = out.trim()
    expect(JSON.parse(written)).toEqual(normalizeError('medblocks', { status: 400, headers: line.headers, body: line.body }, { now: Date.parse(line.at) }))
    expect(written).toContain('"vendorCode":"sk_live_abcdef123456\\u009b2J\\u202e"')
    expect(written).not.toMatch(terminalControls)
    expect(written).not.toContain('headersecret')
    expect(written).not.toContain('session=abc')
  })
})

describe('skipped lines', () => {
  it('lists the first 100, then counts the rest by reason; the counts still add up', async () => {
    const capture = [...Array<string>(250).fill('not json'), ...Array<string>(30).fill('{"status":500}'), unknownCode('x')].join('\n')
    const { code, err } = await run(['report'], capture)
    expect(code).toBe(0)
    expect(err.match(/^line \d+: skipped: /gm)).toHaveLength(100)
    expect(err).toContain('faultline report: more than 100 lines skipped; the rest are counted at the end, not listed')
    expect(err).toContain('180 more skipped lines, not listed: 150 not JSON; 30 no vendor (give one per line, or --vendor)')
    expect(err).toContain('281 lines read: 1 errors, 0 successes, 280 skipped')
    expect(err.split('\n').length).toBeLessThan(110)
  })
})

describe('the line limit', () => {
  const valid = unknownCode('after_the_long_line')

  it('skips a line over --max-line-bytes with a message, and reads on', async () => {
    const long = `{"vendor":"medblocks","status":500,"body":"${'é'.repeat(2_500)}"}`
    const capture = [valid, long, valid].join('\n')
    const bytes = Buffer.byteLength(long)
    const { code, err } = await run(['report', '--max-line-bytes', '4K'], capture)
    expect(code).toBe(0)
    expect(err).toContain(`line 2: skipped: ${bytes} bytes, over the 4096-byte line limit (raise it with --max-line-bytes)`)
    expect(err).toContain('3 lines read: 2 errors, 0 successes, 1 skipped')
    expect((await run(['report', '--max-line-bytes', '4K', '--strict'], capture)).code).toBe(3)
    expect((await run(['report', '--max-line-bytes', String(bytes)], capture)).err).toContain('3 lines read: 3 errors, 0 successes, 0 skipped')
  })

  it('is 1 MiB by default', { timeout: 20_000 }, async () => {
    const long = `{"vendor":"medblocks","status":500,"body":"${'x'.repeat(2 ** 20)}"}`
    const capture = [long, valid].join('\n')
    const { code, err } = await run(['normalize'], capture)
    expect(code).toBe(0)
    expect(err).toContain(`line 1: skipped: ${long.length} bytes, over the 1048576-byte line limit`)
    expect(err).toContain('2 lines read: 1 errors, 0 successes, 1 skipped')
    expect((await run(['normalize', '--max-line-bytes', '2M'], capture)).err).toContain('2 lines read: 2 errors, 0 successes, 0 skipped')
  })

  it('rejects a limit that is no number of bytes, or beyond 256 MiB, as a wrong command line', async () => {
    for (const value of ['0', 'lots', '1G', '300M', '1.5M', '']) {
      const { code, err } = await run(['report', '--max-line-bytes', value])
      expect(code).toBe(2)
      expect(err).toContain('--max-line-bytes: expected a number of bytes from 1 to 268435456 (256M)')
    }
  })
})

describe('rules problems are reported as such', () => {
  it('a rule nested 200,000 deep is a rules problem (exit 1), not an unexpected failure', { timeout: 20_000 }, async () => {
    const rules = tempFile('deep.json', `${'['.repeat(200_000)}${']'.repeat(200_000)}`)
    const { code, err } = await run(['alerts', '--rules', rules])
    expect(code).toBe(1)
    expect(err).toBe(`faultline alerts: invalid rules in ${rules}:\n  rules[0]: expected an alert rule object, got [[[…]]]\n`)
  })

  it('20,000 bad rules print 20 problems and a count, not 20,000 lines', { timeout: 20_000 }, async () => {
    const bad = Array.from({ length: 20_000 }, (_, i) => ({ ...everyErrorRule(), id: `rule-${i}`, threshold: { count: -1, windowSeconds: 60 } }))
    const { code, err } = await run(['rules', '--prometheus', '--rules', tempFile('bad.json', JSON.stringify(bad))])
    expect(code).toBe(1)
    const lines = err.trim().split('\n')
    expect(lines).toHaveLength(22)
    expect(lines[1]).toBe('  rules[0].threshold.count: expected a positive integer, got -1')
    expect(lines[21]).toBe('  and 19,980 more problems')
  })

  it('a cyclic YAML rule set, a rules file that never ends and escapes in a rules file are rules problems', async () => {
    const cyclic = await run(['alerts', '--rules', tempFile('cyclic.yaml', 'rules: &list\n  - *list\n')])
    expect(cyclic.code).toBe(1)
    expect(cyclic.err).toContain('rules[0]: expected an alert rule object, got a reference to a value that contains it (a cycle)')
    const endless = await run(['alerts', '--rules', '/dev/zero'])
    expect(endless.code).toBe(1)
    expect(endless.err).toBe('faultline alerts: rules file /dev/zero is larger than 64 MiB: no rule set is\n')
    const escapes = await run(['alerts', '--rules', tempFile('escapes.json', JSON.stringify([{ ...everyErrorRule(), severity: forged }]))])
    expect(escapes.code).toBe(1)
    expect(escapes.err).toContain('rules[0].severity: expected "page", "ticket" or "info", got "\\u001b[2J\\u001b]0;pwned\\u0007x\\r\\nline 1: skipped: forged"')
    expect(escapes.err).not.toMatch(terminalControls)
  })

  it('a rule Prometheus cannot express is a rules problem of `rules --prometheus`, not an unexpected failure', async () => {
    const { code, err } = await run(['rules', '--prometheus', '--rules', tempFile('rules.json', JSON.stringify([everyErrorRule()]))])
    expect(code).toBe(1)
    expect(err).toContain('invalid rules in ')
    expect(err).toContain('rules[0].groupBy: vendorCode is not a metric label')
    expect(err).not.toContain('unexpected failure')
  })
})
