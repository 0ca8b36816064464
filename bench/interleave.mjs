import { performance } from 'node:perf_hooks'

/**
 * Times tasks side by side in one process: every round runs each task once, in alternating order, so a slow
 * spell of a shared machine (other tenants, a garbage collection, the JIT) falls on all of them alike rather
 * than on whichever task happened to run then. Ratios are taken per round and their median reported.
 *
 * @param {ReadonlyArray<{ name: string, batch: number, fn: () => void }>} tasks each `fn` does `batch` operations
 * @param {{ time: number, warmup: number }} budget milliseconds of measured rounds, and of warm-up rounds before them
 * @returns {{ perOperation: Record<string, number>, ratio: (a: string, b: string) => number }} median ns per
 *   operation of each task; `ratio(a, b)`: the median over rounds of a's time / b's time
 */
export function interleave(tasks, { time, warmup }) {
  const samples = tasks.map(() => [])
  const runRound = (round, record) => {
    const order = round % 2 === 0 ? tasks.map((_, i) => i) : tasks.map((_, i) => tasks.length - 1 - i)
    for (const i of order) {
      const began = process.hrtime.bigint()
      tasks[i].fn()
      const elapsed = Number(process.hrtime.bigint() - began)
      if (record) samples[i].push(elapsed / tasks[i].batch)
    }
  }
  const until = (ms, record) => {
    const end = performance.now() + ms
    let round = 0
    // At least 20 measured rounds, however slow a round is.
    while (performance.now() < end || (record && round < 20)) runRound(round++, record)
  }
  until(warmup, false)
  until(time, true)
  const median = (values) => {
    const sorted = [...values].sort((x, y) => x - y)
    return sorted[sorted.length >> 1]
  }
  const index = (name) => {
    const i = tasks.findIndex((task) => task.name === name)
    if (i === -1) throw new Error(`no task ${name}`)
    return i
  }
  return {
    perOperation: Object.fromEntries(tasks.map((task, i) => [task.name, median(samples[i])])),
    ratio: (a, b) => {
      const over = samples[index(b)]
      return median(samples[index(a)].map((value, round) => value / over[round]))
    },
  }
}
