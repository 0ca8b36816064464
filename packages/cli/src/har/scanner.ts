import { isJsonSpace, toBytes } from './bytes'

/** Options of {@link scanHarEntries}. */
export interface HarScanOptions {
  /** The largest entry read, in bytes of its JSON text; a larger one is counted and skipped, never held. */
  readonly maxEntryBytes?: number
}

/**
 * An entry is read whole up to 16 MiB of JSON: a HAR entry with a large embedded body is a few MiB. Parsing an
 * entry takes up to ~20-25 times its size of heap for pathological JSON (millions of tiny objects, `[{},{},...]`),
 * so this default keeps the worst entry under ~400 MiB; a larger `--max-entry-bytes` raises that bound with it.
 */
export const defaultMaxEntryBytes = 16 * 2 ** 20

/** What the scanner found: an entry's JSON text, an entry over the limit, or a fault of the document itself. */
export type HarScanEvent =
  | { readonly type: 'entry'; readonly number: number; readonly text: string }
  | { readonly type: 'oversized'; readonly number: number; readonly bytes: number }
  | { readonly type: 'problem'; readonly problem: string }

// Where the scanner is. The document is followed only along the path root -> log -> entries; any other value
// is skipped by counting brackets outside strings, and each element of log.entries is captured whole.
const before = 0 // before the root `{`
const memberFirst = 1 // in the root or log object, after `{`: a name or `}`
const memberNext = 2 // after a member's value: `,` or `}`
const memberName = 3 // after `,`: a name
const inName = 4 // inside a member name
const colon = 5 // after a name: `:`
const memberValue = 6 // after `:`: the value
const skipping = 7 // inside a value that is not followed
const entryFirst = 8 // in log.entries, after `[`: an entry or `]`
const entryNext = 9 // after an entry: `,` or `]`
const entryAfterComma = 10 // after `,`: an entry
const inEntry = 11 // inside an entry
const after = 12 // after the root's `}`: only white space
const halted = 13 // a problem was found: nothing more is read

const byteOrderMark = [0xef, 0xbb, 0xbf]
const quote = 0x22
const backslash = 0x5c
const comma = 0x2c
const openBrace = 0x7b
const closeBrace = 0x7d
const openBracket = 0x5b
const closeBracket = 0x5d

// Member names are compared only with `log` and `entries`: a longer one is noted as "another name", unheld.
const maxNameBytes = 64

// The first byte of a JSON value: a string, object, array, number, true, false or null.
const startsValue = (byte: number): boolean =>
  byte === quote || byte === openBrace || byte === openBracket || byte === 0x2d || (byte >= 0x30 && byte <= 0x39) || byte === 0x74 || byte === 0x66 || byte === 0x6e

const describe = (byte: number): string => (byte >= 0x21 && byte <= 0x7e ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`)

/**
 * Walks a HAR document's bytes chunk by chunk and gives the JSON text of each element of `log.entries`, without
 * parsing or holding the document: the scanner holds at most `maxEntryBytes` plus a chunk, whatever the input.
 * (Each entry it gives is then parsed whole by `JSON.parse`, which can take ~20-25 times the entry's size for
 * pathological JSON: see {@link defaultMaxEntryBytes}.)
 *
 * It works on bytes, not decoded text: every byte JSON's structure is made of (quotes, backslashes, brackets,
 * commas, colons, white space) is ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so a chunk
 * boundary inside a character, a string, an escape or a `\u` sequence changes nothing; each entry's bytes are
 * decoded as UTF-8 once, whole. Strings and escapes are followed across chunks; every other member of the
 * document (`creator`, `pages`, members of tools' own, before or after `entries`) is skipped as it streams by.
 * Well-formed JSON is assumed, not checked, inside skipped values and entries (each entry is parsed on its own
 * afterwards); on the path to the entries, a byte JSON does not allow there is reported and scanning stops.
 */
export class HarEntryScanner {
  private state = before
  // How many bytes of a byte-order mark the document starts with.
  private bomMatched = 0
  private offset = 0
  // Inside a value: bracket depth, whether in a string, whether the byte before was a backslash, whether the
  // value is a number or literal (ended by the byte after it).
  private depth = 0
  private inString = false
  private escaped = false
  private scalar = false
  // The member name being read (at most maxNameBytes of it), and whether it went past that.
  private name: number[] = []
  private nameTooLong = false
  private nameEscaped = false
  private key: string | undefined
  // 0: the root object; 1: the log object.
  private level = 0
  private seenLog = false
  private seenEntries = false
  // The entry being captured: its number, its bytes so far (dropped once past the limit), their count.
  private entryNumber = 0
  private parts: Buffer[] = []
  private entryBytes = 0
  private readonly maxEntryBytes: number
  // In the chunk under way: where the next backslash and quote were found by scanValue (-1: none left;
  // -2: not looked for yet). Reset by each push.
  private nextBackslash = -2
  private nextQuote = -2

  constructor(options: HarScanOptions = {}) {
    this.maxEntryBytes = options.maxEntryBytes ?? defaultMaxEntryBytes
  }

  /** Whether scanning stopped at a problem: the rest of the input need not be read. */
  get stopped(): boolean {
    return this.state === halted
  }

  /** Scans the next chunk of the document; the events it completed, in order. */
  push(bytes: Buffer): HarScanEvent[] {
    const events: HarScanEvent[] = []
    const n = bytes.length
    this.nextBackslash = -2
    this.nextQuote = -2
    let i = 0
    // Where the entry under way starts in this chunk.
    let entryStart = this.state === inEntry ? 0 : -1
    while (i < n && this.state !== halted) {
      if (this.state === inEntry) {
        const end = this.scanValue(bytes, i)
        if (end === -1) {
          this.hold(bytes.subarray(entryStart))
          break
        }
        events.push(this.finishEntry(bytes.subarray(entryStart, end)))
        this.state = entryNext
        i = end
        continue
      }
      if (this.state === skipping) {
        const end = this.scanValue(bytes, i)
        if (end === -1) break
        this.state = memberNext
        i = end
        continue
      }
      if (this.state === inName) {
        i = this.scanName(bytes, i)
        continue
      }
      const byte = bytes[i]!
      if (this.state === before && this.bomMatched < byteOrderMark.length && this.offset + i === this.bomMatched) {
        // A byte-order mark is skipped only whole: `EF BB BF` at the very start, not a part of it.
        if (byte === byteOrderMark[this.bomMatched]) {
          this.bomMatched++
          i++
          continue
        }
        if (this.bomMatched > 0) {
          events.push(this.stop(`a HAR document starts with '{', not a partial byte-order mark`))
          break
        }
      }
      if (isJsonSpace(byte)) {
        i++
        continue
      }
      switch (this.state) {
        case before:
          if (byte === openBrace) this.state = memberFirst
          else events.push(this.stop(`a HAR document starts with '{', not ${describe(byte)}`))
          break
        case memberFirst:
        case memberName:
          if (byte === quote) {
            this.state = inName
            this.name = []
            this.nameTooLong = false
            this.nameEscaped = false
          } else if (byte === closeBrace && this.state === memberFirst) this.closeObject()
          else events.push(this.unexpected(byte, i, 'a member name'))
          break
        case colon:
          if (byte === 0x3a) this.state = memberValue
          else events.push(this.unexpected(byte, i, "':'"))
          break
        case memberValue:
          if (this.level === 0 && this.key === 'log') {
            if (byte !== openBrace) {
              events.push(this.stop('"log" is not an object'))
              break
            }
            this.seenLog = true
            this.level = 1
            this.state = memberFirst
          } else if (this.level === 1 && this.key === 'entries') {
            if (byte !== openBracket) {
              events.push(this.stop('"log.entries" is not an array'))
              break
            }
            this.seenEntries = true
            this.state = entryFirst
          } else if (startsValue(byte)) {
            this.beginValue(byte)
            this.state = skipping
            // The value's first byte is read by scanValue.
            continue
          } else events.push(this.unexpected(byte, i, 'a value'))
          break
        case memberNext:
          if (byte === comma) this.state = memberName
          else if (byte === closeBrace) this.closeObject()
          else events.push(this.unexpected(byte, i, "',' or '}'"))
          break
        case entryFirst:
        case entryAfterComma:
          if (byte === closeBracket && this.state === entryFirst) this.state = memberNext
          else if (startsValue(byte)) {
            this.entryNumber++
            this.entryBytes = 0
            this.parts = []
            this.beginValue(byte)
            this.state = inEntry
            entryStart = i
            // The value's first byte is read by scanValue (a number's first digit included).
            continue
          } else events.push(this.unexpected(byte, i, 'an entry'))
          break
        case entryNext:
          if (byte === comma) this.state = entryAfterComma
          else if (byte === closeBracket) this.state = memberNext
          else events.push(this.unexpected(byte, i, "',' or ']' in log.entries"))
          break
        case after:
          events.push(this.stop(`text after the end of the HAR document, at byte ${this.offset + i}`))
          break
      }
      i++
    }
    this.offset += n
    return events
  }

  /** The input ended: the problem of a document cut short, or without entries, if any. */
  end(): HarScanEvent[] {
    if (this.state === halted) return []
    if (this.state === after) {
      if (!this.seenLog) return [this.stop('the document has no "log" member')]
      if (!this.seenEntries) return [this.stop('the document has no "log.entries" array')]
      return []
    }
    if (this.state === inEntry) return [this.stop(`the document ends inside entry ${this.entryNumber}, after ${this.offset} bytes: truncated`)]
    return [this.stop(`the document ends before its last '}', after ${this.offset} bytes: truncated`)]
  }

  private stop(problem: string): HarScanEvent {
    this.state = halted
    this.parts = []
    return { type: 'problem', problem }
  }

  private unexpected(byte: number, i: number, expected: string): HarScanEvent {
    return this.stop(`not JSON: ${describe(byte)} at byte ${this.offset + i}, where ${expected} was expected`)
  }

  private closeObject(): void {
    if (this.level === 1) {
      this.level = 0
      this.state = memberNext
    } else this.state = after
  }

  private beginValue(byte: number): void {
    this.depth = 0
    this.inString = false
    this.escaped = false
    this.scalar = byte !== quote && byte !== openBrace && byte !== openBracket
  }

  // Reads a member name from `i` (inside it); the index after what it read.
  private scanName(bytes: Buffer, i: number): number {
    for (; i < bytes.length; i++) {
      const byte = bytes[i]!
      if (this.nameEscaped) this.nameEscaped = false
      else if (byte === backslash) this.nameEscaped = true
      else if (byte === quote) {
        this.key = this.nameTooLong ? undefined : nameOf(this.name)
        this.state = colon
        return i + 1
      }
      if (this.name.length < maxNameBytes) this.name.push(byte)
      else this.nameTooLong = true
    }
    return i
  }

  /**
   * Reads the value under way from `i`: the index just after it (for a number or literal, the index of the
   * byte that ends it, which is not part of it), or -1 when the chunk ends first.
   */
  private scanValue(bytes: Buffer, i: number): number {
    const n = bytes.length
    if (this.scalar) {
      for (; i < n; i++) {
        const byte = bytes[i]!
        if (byte === comma || byte === closeBrace || byte === closeBracket || isJsonSpace(byte)) {
          this.scalar = false
          return i
        }
      }
      return -1
    }
    let depth = this.depth
    let inString = this.inString
    let escaped = this.escaped
    // The next backslash and the next quote at or after i (-1: none left in the chunk; -2: not looked for yet):
    // a string is crossed with `indexOf`s, not byte by byte, and each search resumes only once `i` has passed
    // the position found, so every byte of the chunk is searched at most once for each (a run of escapes, with
    // no quote after it, costs no more than plain text). The positions live on the scanner, for the chunk
    // under way, so many small values in one chunk do not each search to its end again.
    let nextBackslash = this.nextBackslash
    let nextQuote = this.nextQuote
    let end = -1
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false
          i++
          continue
        }
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = bytes.indexOf(backslash, i)
        if (nextQuote !== -1 && nextQuote < i) nextQuote = bytes.indexOf(quote, i)
        if (nextBackslash !== -1 && (nextQuote === -1 || nextBackslash < nextQuote)) {
          escaped = true
          i = nextBackslash + 1
          continue
        }
        // The string goes on past the chunk.
        if (nextQuote === -1) break
        inString = false
        i = nextQuote + 1
        if (depth === 0) {
          end = i
          break
        }
        continue
      }
      const byte = bytes[i]!
      i++
      if (byte === quote) inString = true
      else if (byte === openBrace || byte === openBracket) depth++
      else if (byte === closeBrace || byte === closeBracket) {
        depth--
        if (depth === 0) {
          end = i
          break
        }
      }
    }
    this.depth = depth
    this.inString = inString
    this.escaped = escaped
    this.nextBackslash = nextBackslash
    this.nextQuote = nextQuote
    return end
  }

  // Keeps the bytes of the entry under way while it is within the limit; past it, only counts them.
  private hold(bytes: Buffer): void {
    this.entryBytes += bytes.length
    if (this.entryBytes <= this.maxEntryBytes) this.parts.push(bytes)
    else this.parts = []
  }

  private finishEntry(last: Buffer): HarScanEvent {
    const bytes = this.entryBytes + last.length
    const number = this.entryNumber
    const parts = this.parts
    this.parts = []
    this.entryBytes = 0
    if (bytes > this.maxEntryBytes) return { type: 'oversized', number, bytes }
    const whole = parts.length === 0 ? last : Buffer.concat([...parts, last], bytes)
    return { type: 'entry', number, text: whole.toString('utf8') }
  }
}

// A member name's text as written: its bytes as UTF-8, escapes left as they are. `log` and `entries` are
// recognized only written plainly, as every HAR writer does and as sniffInput requires of `"log"`: a name
// spelled with escapes (`"\u006cog"`) is another name, so both agree on what starts a HAR document.
function nameOf(bytes: ReadonlyArray<number>): string {
  return Buffer.from(bytes).toString('utf8')
}

/**
 * The entries of a HAR document read from a stream, in batches (one per chunk that completed any), as
 * {@link HarEntryScanner} finds them; reading stops at the first problem of the document.
 */
export async function* scanHarEntries(chunks: AsyncIterable<unknown>, options: HarScanOptions = {}): AsyncGenerator<ReadonlyArray<HarScanEvent>> {
  const scanner = new HarEntryScanner(options)
  for await (const chunk of chunks) {
    const events = scanner.push(toBytes(chunk))
    if (events.length > 0) yield events
    if (scanner.stopped) return
  }
  const events = scanner.end()
  if (events.length > 0) yield events
}
