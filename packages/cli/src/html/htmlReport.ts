import { open, unlink, type FileHandle } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { AlertEngine } from '@faultline/alerting'
import { alertFeed } from '../alertFeed'
import type { LineOutcome } from '../capture'
import type { LineCounts } from '../counts'
import { printed } from '../printable'
import type { ReportTotals } from '../report'
import { exitCodes, messageOf, UsageError } from '../usage'
import { createHtmlReportCollector } from './model'
import { renderReportPage } from './page'

/** `report --html FILE` while the capture is read: the file (opened at once), the alert replay and the page's data. */
export interface HtmlReportRun {
  visit(outcome: LineOutcome): void
  /** Writes the page; resolves with the file's absolute path. */
  finish(input: { readonly source: string; readonly counts: LineCounts; readonly totals: ReportTotals }): Promise<string>
  /** The run failed: closes the file, and removes it when the run created it. */
  abandon(): Promise<void>
}

const cannotWrite = (path: string, error: unknown): UsageError => {
  const code = (error as NodeJS.ErrnoException | null)?.code
  return new UsageError(
    typeof code === 'string' ? printed`cannot write ${path} (${code}): ${messageOf(error)}` : printed`cannot write ${path}: ${messageOf(error)}`,
    exitCodes.failed,
  )
}

/**
 * Starts `report --html FILE`: opens FILE for writing first (a path that cannot be written fails before the
 * capture is read, with exit code 1), then replays the capture through `engine`, made as `faultline alerts`
 * makes its own (`rulesSource`: the `--rules` file, null for the default pack).
 */
export async function startHtmlReport(path: string, engine: AlertEngine, rulesSource: string | null): Promise<HtmlReportRun> {
  const feed = alertFeed(engine)
  const collector = createHtmlReportCollector(engine.rules)
  let file: FileHandle
  // Whether the run made the file: only then does a failed run remove it (a path given may be /dev/null). A file
  // that exists is opened without truncating it, so a run that fails leaves the report it held as it was.
  let created = true
  try {
    file = await open(path, 'wx').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
      created = false
      return await open(path, 'r+')
    })
  } catch (error) {
    throw cannotWrite(path, error)
  }
  return {
    visit(outcome) {
      collector.visit(outcome, feed(outcome))
    },
    async finish(input) {
      const page = renderReportPage(collector.data(input), { rulesSource })
      try {
        if (!created && (await file.stat()).isFile()) await file.truncate(0)
        await file.writeFile(page, 'utf8')
        await file.close()
      } catch (error) {
        await file.close().catch(() => undefined)
        throw cannotWrite(path, error)
      }
      return resolve(path)
    },
    async abandon() {
      await file.close().catch(() => undefined)
      if (created) await unlink(path).catch(() => undefined)
    },
  }
}
