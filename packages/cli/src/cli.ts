#!/usr/bin/env node
import { runCli } from './main'
import { printed } from './printable'
import { exitCodes, messageOf } from './usage'

// A reader that stops early (`faultline normalize big.ndjson | head`) closes the pipe: what is still to be
// written goes nowhere, the run ends as it would have (its exit code stands), and no stack trace is printed.
// Any other failure of an output stream ends the run with exit code 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      stream.destroy()
      return
    }
    process.exitCode = exitCodes.failed
  })
}

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode ??= code
  },
  (error: unknown) => {
    if (!process.stderr.destroyed) process.stderr.write(`${printed`faultline: unexpected failure: ${messageOf(error)}`}\n`)
    process.exitCode = exitCodes.failed
  },
)
