import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hostKey, loadVendorMap, maxVendorMapFileBytes, parseVendorMapList, vendorMapOf } from '../src/har/vendorMap'
import { UsageError } from '../src/usage'

const vendorOf = (map: Parameters<typeof vendorMapOf>[0], url: string) => vendorMapOf(map, 'test').vendorOf(new URL(url))

describe('--vendor-map', () => {
  it('matches hosts exactly and case-insensitively, international names as URLs hold them', () => {
    const map = [
      ['API.Medblocks.com', 'medblocks'],
      ['bücher.example', 'scribe'],
    ] as const
    expect(vendorOf(map, 'https://api.medblocks.com/v1/patients')).toBe('medblocks')
    expect(vendorOf(map, 'https://API.MEDBLOCKS.COM:8443/x')).toBe('medblocks')
    expect(vendorOf(map, 'https://xn--bcher-kva.example/')).toBe('scribe')
    expect(vendorOf(map, 'https://medblocks.com/')).toBeUndefined()
    expect(vendorOf(map, 'https://eu.api.medblocks.com/')).toBeUndefined()
  })

  it('a host:port entry wins over the host, and a URL without a port has its scheme default', () => {
    const map = [
      ['localhost', 'medipim'],
      ['localhost:8080', 'medblocks'],
      ['api.medable.com:443', 'medable'],
      ['[::1]:9000', 'scribe'],
    ] as const
    expect(vendorOf(map, 'http://localhost:8080/a')).toBe('medblocks')
    expect(vendorOf(map, 'http://localhost:9090/a')).toBe('medipim')
    expect(vendorOf(map, 'http://localhost/a')).toBe('medipim')
    expect(vendorOf(map, 'https://api.medable.com/v2')).toBe('medable')
    expect(vendorOf(map, 'http://api.medable.com/v2')).toBeUndefined()
    expect(vendorOf(map, 'http://[::1]:9000/')).toBe('scribe')
  })

  it('reads a list, and refuses what is not host=vendor', () => {
    expect(parseVendorMapList('api.medblocks.com=medblocks, api.medipim.be=medipim,')).toEqual([
      ['api.medblocks.com', 'medblocks'],
      [' api.medipim.be', 'medipim'],
    ])
    expect(() => parseVendorMapList('api.medblocks.com')).toThrow(UsageError)
    expect(() => vendorMapOf([['https://api.medblocks.com/', 'medblocks']], 'test')).toThrow(/is not a host or host:port/)
    expect(() => vendorMapOf([['a.example:99999', 'medblocks']], 'test')).toThrow(/is not a host/)
    expect(() => vendorMapOf([['a.example', ' ']], 'test')).toThrow(/is not a vendor id/)
    expect(hostKey('Example.COM:80')).toBe('example.com:80')
  })

  it('reads a JSON file of host -> vendor; later maps win', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-')), 'map.json')
    writeFileSync(file, JSON.stringify({ 'api.medblocks.com': 'medblocks', 'api.medipim.be': 'medipim' }))
    const map = await loadVendorMap([file, 'api.medipim.be=scribe'])
    expect(map?.vendorOf(new URL('https://api.medblocks.com/'))).toBe('medblocks')
    expect(map?.vendorOf(new URL('https://api.medipim.be/'))).toBe('scribe')
    expect(await loadVendorMap(undefined)).toBeUndefined()
  })

  it('fails with exit code 1 on a file it cannot read or use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-'))
    const bad = (name: string, text: string) => {
      writeFileSync(join(dir, name), text)
      return join(dir, name)
    }
    for (const [file, message] of [
      [join(dir, 'missing.json'), /cannot read .*missing\.json \(ENOENT\)/],
      [bad('a.json', '{'), /is not JSON/],
      [bad('b.json', '["a"]'), /must hold a JSON object/],
      [bad('c.json', '{"a b": "medblocks"}'), /"a b" is not a host/],
    ] as const) {
      const error = await loadVendorMap([file]).catch((thrown: unknown) => thrown)
      expect(error).toBeInstanceOf(UsageError)
      expect((error as UsageError).exitCode).toBe(1)
      expect((error as UsageError).message).toMatch(message)
    }
  })

  it.skipIf(!existsSync('/dev/zero'))('reads a file no further than its limit: /dev/zero fails with exit code 1', async () => {
    const error = await loadVendorMap(['/dev/zero']).catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).exitCode).toBe(1)
    expect((error as UsageError).message).toBe(`--vendor-map: /dev/zero is larger than ${maxVendorMapFileBytes / 2 ** 20} MiB: no vendor map is`)
  }, 10_000)

  it('reads a file of exactly its limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-'))
    const text = '{"api.medblocks.com": "medblocks"}'
    writeFileSync(join(dir, 'full.json'), text.padEnd(maxVendorMapFileBytes, ' '))
    expect((await loadVendorMap([join(dir, 'full.json')]))?.hosts.get('api.medblocks.com')).toBe('medblocks')
    writeFileSync(join(dir, 'over.json'), text.padEnd(maxVendorMapFileBytes + 1, ' '))
    await expect(loadVendorMap([join(dir, 'over.json')])).rejects.toThrow(/is larger than 1 MiB/)
  })
})
