#!/usr/bin/env node
import { runCli } from './main'

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`faultline: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
