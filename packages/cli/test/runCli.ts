import { PassThrough, Readable } from 'node:stream'
import { runCli } from '../src/main'

/** Runs the CLI in process on `stdinText`: its exit code and everything it printed on stdout and stderr. */
export async function run(args: string[], stdinText = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const code = await runCli(args, { stdin: Readable.from([stdinText]), stdout, stderr })
  return { code, out, err }
}
