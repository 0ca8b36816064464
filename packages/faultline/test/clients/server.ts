import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { gzipSync } from 'node:zlib'

/** One answer of the local server, as a vendor (or a proxy, or a broken network) sends it. */
export interface WireCase {
  readonly status: number
  /** Sent as given (names are case-insensitive on the wire); a `date` here replaces Node's own Date header. */
  readonly headers?: Readonly<Record<string, string>>
  /** The body text; omitted: no body at all. */
  readonly body?: string
  /** Sends the body gzip-compressed, with `content-encoding: gzip` and its compressed `content-length`. */
  readonly gzip?: boolean
  /** Sends the headers (with the full `content-length`) and the first half of the body, then destroys the socket. */
  readonly cut?: boolean
  /** Waits this long before the status line (a slow vendor, for client timeouts). */
  readonly delayMs?: number
  /** Sends the headers at once and the rest of the body after this long (a slow body, for body timeouts). */
  readonly bodyDelayMs?: number
}

/** A server on 127.0.0.1 and a free port answering `GET /<name>` with `routes[name]`; a 404 for any other path. */
export interface WireServer {
  readonly base: string
  url(name: string): string
  /** Closes the server, destroys every socket (kept-alive ones too) and clears pending timers. */
  close(): Promise<void>
}

export async function startWireServer(routes: Readonly<Record<string, WireCase>>): Promise<WireServer> {
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, ms)
    timers.add(timer)
  }

  const server: Server = createServer((request: IncomingMessage, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname.slice(1))
    const wire = Object.prototype.hasOwnProperty.call(routes, name) ? routes[name] : undefined
    if (wire === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no route ${name}`)
      return
    }
    const answer = () => {
      if (response.destroyed) return
      const text = wire.body === undefined ? undefined : Buffer.from(wire.body, 'utf8')
      const payload = text === undefined ? undefined : wire.gzip === true ? gzipSync(text) : text
      const headers: Record<string, string | number> = { ...wire.headers }
      if (wire.gzip === true) headers['content-encoding'] = 'gzip'
      if (payload !== undefined) headers['content-length'] = payload.length
      response.writeHead(wire.status, headers)
      if (payload === undefined) {
        response.end()
      } else if (wire.cut === true) {
        response.write(payload.subarray(0, Math.floor(payload.length / 2)))
        // Let the headers and the first half reach the client, then break the connection mid-body.
        later(20, () => response.socket?.destroy())
      } else if (wire.bodyDelayMs !== undefined) {
        response.write(payload.subarray(0, 1))
        later(wire.bodyDelayMs, () => {
          if (!response.destroyed) response.end(payload.subarray(1))
        })
      } else {
        response.end(payload)
      }
    }
    if (wire.delayMs === undefined) answer()
    else later(wire.delayMs, answer)
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  const base = `http://127.0.0.1:${port}`

  return {
    base,
    url: (name) => `${base}/${encodeURIComponent(name)}`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A URL on 127.0.0.1 where nothing listens: a port just bound and released, so a connection is refused. */
export async function refusedUrl(): Promise<string> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return `http://127.0.0.1:${port}/refused`
}
