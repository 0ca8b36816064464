import type { LineOutcome } from '../capture'
import type { LineCounts } from '../counts'
import { printed } from '../printable'
import { normalizeHarEntry, type VendorChoice } from './normalizeEntry'
import { defaultMaxEntryBytes, scanHarEntries } from './scanner'
import { UnmappedHosts } from './unmappedHosts'

/** Options of {@link replayHar}: where vendors come from, and the largest entry read. */
export interface HarReplayOptions extends VendorChoice {
  readonly maxEntryBytes?: number
}

/** What {@link replayHar} reports to: the command's counts, its skipped-entry log, its consumer, stderr. */
export interface HarReplaySink {
  readonly counts: LineCounts
  readonly skipped: { add(number: number, reason: string, message: () => string): void }
  readonly visit: (outcome: LineOutcome) => void
  /** Called after each batch of entries (the progress line). */
  readonly tick: () => void
  /** A note for stderr: its lines (already printable), the first to be prefixed with the command's name. */
  readonly note: (lines: ReadonlyArray<string>) => void
}

/** The problem of an entry whose host has no vendor; such entries are summed up by host, not listed one by one. */
export const unmappedProblem = 'its host is not in the vendor map'

const oversized = 'larger than the entry limit (--max-entry-bytes)'

/**
 * Reads a HAR document's entries as they stream in and hands each outcome to `visit`, as the capture lines of
 * the same traffic would be: the counts add up (`read` = errors + successes + skipped), each skipped entry is
 * logged by number, entries of unmapped hosts are counted as skipped and summed up by host at the end. A fault
 * of the document itself (cut short, not JSON on the way to the entries) ends the reading, is noted, and marks
 * the counts `broken`; the entries before it stay read.
 */
export async function replayHar(chunks: AsyncIterable<unknown>, options: HarReplayOptions, sink: HarReplaySink): Promise<void> {
  const { counts, skipped, visit } = sink
  const maxEntryBytes = options.maxEntryBytes ?? defaultMaxEntryBytes
  const unmapped = new UnmappedHosts()
  counts.unit = 'entries'
  for await (const batch of scanHarEntries(chunks, { maxEntryBytes })) {
    for (const event of batch) {
      if (event.type === 'problem') {
        counts.broken = event.problem
        continue
      }
      counts.read++
      if (event.type === 'oversized') {
        counts.skipped++
        skipped.add(event.number, oversized, () => printed`${event.bytes} bytes, over the ${maxEntryBytes}-byte entry limit (raise it with --max-entry-bytes)`)
        visit({ type: 'skipped', line: event.number, problem: oversized })
        continue
      }
      const outcome = normalizeHarEntry(event.number, event.text, options)
      if (outcome.type === 'unmapped') {
        counts.skipped++
        unmapped.add(outcome.host)
        visit({ type: 'skipped', line: outcome.line, problem: unmappedProblem })
        continue
      }
      if (outcome.type === 'skipped') {
        counts.skipped++
        skipped.add(outcome.line, outcome.problem, () => printed`${outcome.problem}`)
      } else if (outcome.type === 'success') counts.successes++
      else counts.errors++
      visit(outcome)
    }
    sink.tick()
  }
  const summary = unmapped.summary(options.vendorMap !== undefined)
  if (summary.length > 0) sink.note(summary)
  if (counts.broken !== undefined) sink.note([printed`not a whole HAR document: ${counts.broken} (the ${counts.read} entries before it were read)`])
}
