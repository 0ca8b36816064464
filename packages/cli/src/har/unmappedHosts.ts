import { printed } from '../printable'

/** How many distinct hosts are counted one by one; entries of further hosts are counted together. */
export const maxCountedHosts = 1_000

const maxHostLength = 255

// An IP literal, with its port: digits, dots, colons and hex between brackets, nothing a person or a secret is
// written in. It prints as it is, so that its `--vendor-map` hint can be followed (redaction would take a run of
// seven digits for a phone number). Bounded quantifiers only: linear.
const ipLiteral = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]{2,45}\])(?::\d{1,5})?$/

// A host as the summary prints it: an IP literal verbatim, any other name redacted and escaped like all text.
const hostText = (host: string): string => (ipLiteral.test(host) ? host : printed`${host}`)

/** How many hosts the summary lists (the most frequent first). */
export const maxListedHosts = 20

/**
 * The hosts of entries no vendor is known for, with their entry counts: memory bounded by
 * {@link maxCountedHosts}, whatever the HAR holds.
 */
export class UnmappedHosts {
  private readonly byHost = new Map<string, number>()
  // Entries of hosts met after maxCountedHosts others: counted, their hosts not held.
  private uncounted = 0
  entries = 0

  add(name: string): void {
    this.entries++
    // A name is short (DNS allows 253 characters); a longer one is held cut, as it prints.
    const host = name.length <= maxHostLength ? name : `${name.slice(0, maxHostLength)}…`
    const count = this.byHost.get(host)
    if (count !== undefined) this.byHost.set(host, count + 1)
    else if (this.byHost.size < maxCountedHosts) this.byHost.set(host, 1)
    else this.uncounted++
  }

  /** The summary for stderr: how many entries were not normalized, and the hosts most of them went to. */
  summary(haveMap: boolean): string[] {
    if (this.entries === 0) return []
    const sorted = [...this.byHost].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    const listed = sorted.slice(0, maxListedHosts)
    const unlisted = sorted.slice(maxListedHosts)
    const lines = [
      haveMap
        ? printed`${this.entries} entries not normalized: their host is not in the vendor map (add it with --vendor-map HOST=VENDOR, or give --vendor for all):`
        : printed`${this.entries} entries not normalized: no vendor given (name each host's with --vendor-map HOST=VENDOR, or give --vendor for all):`,
      ...listed.map(([host, count]) => `  ${hostText(host)}  ${count}`),
    ]
    const more = unlisted.reduce((sum, [, count]) => sum + count, 0)
    if (more > 0) lines.push(printed`  and ${more} entries of ${unlisted.length} other hosts`)
    if (this.uncounted > 0) lines.push(printed`  and ${this.uncounted} entries of hosts past the first ${maxCountedHosts}, not told apart`)
    return lines
  }
}
