/** What a command did with its input; `read` always equals `errors + successes + skipped`. */
export interface LineCounts {
  read: number
  errors: number
  successes: number
  skipped: number
  /** What was read: capture lines (when absent), or the entries of a HAR document. */
  unit?: 'lines' | 'entries'
  /** Why the input stopped being readable part-way (a HAR document cut short), if it did. */
  broken?: string
}

export const newCounts = (): LineCounts => ({ read: 0, errors: 0, successes: 0, skipped: 0 })

/** One line for stderr: the counts that must add up. */
export const formatCounts = ({ read, errors, successes, skipped, unit = 'lines' }: LineCounts): string =>
  `${read} ${unit} read: ${errors} errors, ${successes} successes, ${skipped} skipped`
