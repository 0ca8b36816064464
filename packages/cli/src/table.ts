/** Terminal styling, or none (when stdout is not a TTY, or NO_COLOR is set). */
export interface Style {
  bold(text: string): string
  dim(text: string): string
  red(text: string): string
  green(text: string): string
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`

export const colourStyle: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39) }
export const plainStyle: Style = { bold: (t) => t, dim: (t) => t, red: (t) => t, green: (t) => t }

/** Whether to colour output written to `stream`. */
export const styleFor = (stream: NodeJS.WriteStream): Style =>
  stream.isTTY === true && process.env.NO_COLOR === undefined ? colourStyle : plainStyle

/** A plain-text table with aligned columns; numbers right-aligned. */
export function formatTable(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number>>, style: Style): string {
  const cells = rows.map((row) => row.map(String))
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]?.length ?? 0)))
  const align = (text: string, i: number, numeric: boolean) => (numeric ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))
  const lines = [
    style.bold(header.map((title, i) => align(title, i, false)).join('  ').trimEnd()),
    ...rows.map((row) => row.map((cell, i) => align(String(cell), i, typeof cell === 'number')).join('  ').trimEnd()),
  ]
  return lines.join('\n')
}
