import { printed } from '../printable'
import { readBounded } from '../readBounded'
import { exitCodes, messageOf, UsageError } from '../usage'

/**
 * Which vendor answered a request, by its URL's host: `--vendor-map`. Hosts match exactly and case-insensitively
 * (as URLs hold them: lower case, international names in punycode); an entry `host:port` matches that port
 * only and wins over an entry `host`, which matches any port. A URL without a port has its scheme's default
 * port (443 for https, 80 for http), so `api.medblocks.com:443` matches `https://api.medblocks.com/...`.
 */
export interface VendorMap {
  /** Its entries: host or host:port as requests are matched -> vendor. */
  readonly hosts: ReadonlyMap<string, string>
  /** The vendor of a request URL's host, if the map names one. */
  vendorOf(url: URL): string | undefined
}

/** The largest `--vendor-map` file read: an entry is a few dozen bytes, a map of thousands of hosts a few hundred KiB. */
export const maxVendorMapFileBytes = 2 ** 20

const defaultPorts: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' }

// A host (a name, an IPv4 address, or an IPv6 address in brackets) and an optional port.
const hostPattern = /^(\[[0-9a-fA-F:.]+\]|[^\s:/?#@[\]\\]+)(?::(\d{1,5}))?$/

/** A map key as requests are matched: the host as a URL holds it, and the port if one was given. */
export function hostKey(text: string): string | undefined {
  const match = hostPattern.exec(text.trim())
  if (match === null) return undefined
  let hostname: string
  try {
    hostname = new URL(`http://${match[1]!}/`).hostname
  } catch {
    return undefined
  }
  if (hostname.length === 0) return undefined
  if (match[2] === undefined) return hostname
  const port = Number(match[2])
  return port >= 1 && port <= 65_535 ? `${hostname}:${port}` : undefined
}

/**
 * The map of `pairs` (host -> vendor; later pairs win for a host); `where` names their source in a problem,
 * which ends the command with `exitCode` (a wrong command line, or a wrong file).
 */
export function vendorMapOf(pairs: Iterable<readonly [string, unknown]>, where: string, exitCode: number = exitCodes.usage): VendorMap {
  const byHost = new Map<string, string>()
  for (const [host, vendor] of pairs) {
    const key = hostKey(host)
    if (key === undefined) throw new UsageError(printed`${where}: ${JSON.stringify(host)} is not a host or host:port`, exitCode)
    if (typeof vendor !== 'string' || vendor.trim().length === 0) {
      throw new UsageError(printed`${where}: the vendor of ${JSON.stringify(host)} is not a vendor id`, exitCode)
    }
    byHost.set(key, vendor.trim())
  }
  return mapOf(byHost)
}

const mapOf = (byHost: ReadonlyMap<string, string>): VendorMap => ({
  hosts: byHost,
  vendorOf(url) {
    const port = url.port === '' ? defaultPorts[url.protocol] : url.port
    return (port === undefined ? undefined : byHost.get(`${url.hostname}:${port}`)) ?? byHost.get(url.hostname)
  },
})

/** `--vendor-map host=vendor,host:port=vendor,...`. */
export function parseVendorMapList(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const item of text.split(',')) {
    if (item.trim().length === 0) continue
    const equals = item.indexOf('=')
    if (equals === -1) throw new UsageError(printed`--vendor-map: expected host=vendor, got ${JSON.stringify(item.trim())}`, exitCodes.usage)
    pairs.push([item.slice(0, equals), item.slice(equals + 1)])
  }
  return pairs
}

// A value is a file when it names no pair, or ends in .json (a path may hold a `=`).
const isFileArgument = (text: string): boolean => !text.includes('=') || /\.json$/i.test(text.trim())

/**
 * The vendor map of every `--vendor-map` given (later ones win for a host both name): each a list
 * `host=vendor,...`, or a JSON file holding an object `{ "host": "vendor", ... }`. `undefined` when none is given.
 */
export async function loadVendorMap(values: ReadonlyArray<string> | undefined): Promise<VendorMap | undefined> {
  if (values === undefined || values.length === 0) return undefined
  const byHost = new Map<string, string>()
  const add = (map: VendorMap) => {
    for (const [host, vendor] of map.hosts) byHost.set(host, vendor)
  }
  for (const value of values) {
    if (!isFileArgument(value)) {
      add(vendorMapOf(parseVendorMapList(value), '--vendor-map'))
      continue
    }
    let text: string | undefined
    try {
      text = await readBounded(value, maxVendorMapFileBytes)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code
      throw new UsageError(printed`--vendor-map: cannot read ${value}${typeof code === 'string' ? ` (${code})` : ''}: ${messageOf(error)}`, exitCodes.failed)
    }
    if (text === undefined) {
      throw new UsageError(printed`--vendor-map: ${value} is larger than ${maxVendorMapFileBytes / 2 ** 20} MiB: no vendor map is`, exitCodes.failed)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw new UsageError(printed`--vendor-map: ${value} is not JSON: ${messageOf(error)}`, exitCodes.failed)
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new UsageError(printed`--vendor-map: ${value} must hold a JSON object of host -> vendor`, exitCodes.failed)
    }
    add(vendorMapOf(Object.entries(json), printed`--vendor-map ${value}`, exitCodes.failed))
  }
  return mapOf(byHost)
}
