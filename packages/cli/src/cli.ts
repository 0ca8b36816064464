#!/usr/bin/env node
import { runCli } from './main'

// A reader that stops early (`faultline normalize big.ndjson | head`) closes the pipe: stop quietly, as Unix
// tools do, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`faultline: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
