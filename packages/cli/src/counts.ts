/** What a command did with its input; `read` always equals `errors + successes + skipped`. */
export interface LineCounts {
  read: number
  errors: number
  successes: number
  skipped: number
}

export const newCounts = (): LineCounts => ({ read: 0, errors: 0, successes: 0, skipped: 0 })

/** One line for stderr: the counts that must add up. */
export const formatCounts = ({ read, errors, successes, skipped }: LineCounts): string =>
  `${read} lines read: ${errors} errors, ${successes} successes, ${skipped} skipped`
