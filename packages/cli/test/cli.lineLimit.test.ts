import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'
import { beforeAll, describe, expect, it } from 'vitest'

// The CLI as a process of its own, built from source (not dist/, which may be stale) with the workspace's
// path mapping, and a preload that prints the process's peak RSS when it exits.
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'))
const cli = join(dir, 'cli.mjs')
const peakRss = join(dir, 'peak-rss.cjs')

beforeAll(async () => {
  await build({
    entry: { cli: fileURLToPath(new URL('../src/cli.ts', import.meta.url)) },
    outDir: dir,
    outExtension: () => ({ js: '.mjs' }),
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)),
    noExternal: [/^@faultline\//],
    config: false,
    dts: false,
    sourcemap: false,
    splitting: false,
    silent: true,
  })
  writeFileSync(peakRss, "process.on('exit', () => require('node:fs').writeSync(2, `peak rss: ${process.resourceUsage().maxRSS} KiB\\n`))\n")
}, 60_000)

/** Runs the CLI on a pipe fed by `feed`; its exit code, stderr and peak RSS in KiB. */
async function runOnPipe(args: ReadonlyArray<string>, feed: (write: (chunk: Buffer | string) => Promise<void>) => Promise<void>) {
  const child = spawn(process.execPath, ['--require', peakRss, cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  child.stdout.resume()
  const exited = once(child, 'close')
  await feed(async (chunk) => {
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain')
  })
  child.stdin.end()
  const [code] = (await exited) as [number | null]
  const peak = /peak rss: (\d+) KiB/.exec(err)
  return { code, err, peakRssKiB: peak === null ? Infinity : Number(peak[1]) }
}

const valid = `${JSON.stringify({ vendor: 'medblocks', at: '2026-11-23T08:00:00Z', status: 503, body: '' })}\n`

describe('faultline on a line with no end in sight', () => {
  it('skips a 200 MB line without a newline in bounded memory, then reads the lines after it', async () => {
    const megabyte = Buffer.alloc(2 ** 20, 0) // /dev/zero's bytes
    const started = Date.now()
    const { code, err, peakRssKiB } = await runOnPipe(['report'], async (write) => {
      for (let i = 0; i < 200; i++) await write(megabyte)
      await write(`\n${valid}${valid}${valid}`)
    })
    expect(code).toBe(0)
    expect(err).toContain(`line 1: skipped: ${200 * 2 ** 20} bytes, over the 1048576-byte line limit (raise it with --max-line-bytes)`)
    expect(err).toContain('4 lines read: 3 errors, 0 successes, 1 skipped')
    // Before the limit the line was held as text: 700 MB of RSS for this input, and V8 aborted on /dev/zero.
    expect(peakRssKiB).toBeLessThan(160 * 1024)
    expect(Date.now() - started).toBeLessThan(20_000)
  }, 30_000)
})
