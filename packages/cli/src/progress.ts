/** A progress line on stderr, redrawn at most every 200 ms, only on a TTY. */
export interface Progress {
  tick(lines: number): void
  done(): void
}

export function createProgress(stream: NodeJS.WriteStream, label: string): Progress {
  if (!stream.isTTY) return { tick: () => undefined, done: () => undefined }
  let last = 0
  let shown = false
  return {
    tick(lines) {
      const now = Date.now()
      if (now - last < 200) return
      last = now
      shown = true
      stream.write(`\r${label}: ${lines.toLocaleString('en-US')} lines`)
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
    },
  }
}
