/** A group's value of one group-by field, read from an error. */
export type FieldReader<E> = (error: E) => string

// One level per group-by field: a Map from the field's value to the next level, or, at the last, to the group.
type Level<G> = Map<string, Level<G> | G>

/**
 * A rule's groups, found by their group-by values, with one `Map` level per field. Finding an error's group
 * builds no key: each level is looked up with a value the error already holds. A key joined from the values
 * would be a new string on every observation, which a `Map` looks up more slowly than both levels together
 * (decision 017). Values are
 * compared as they are: no escaping, no separator.
 */
export class GroupIndex<E, G> {
  /** How many groups are held. */
  size = 0
  private readonly root: Level<G> = new Map()
  // The one group of a rule without group-by fields.
  private only: G | undefined = undefined

  /** @param fields the readers of the group-by fields, in order */
  constructor(private readonly fields: ReadonlyArray<FieldReader<E>>) {}

  /** The group of `error`, if one is held. */
  find(error: E): G | undefined {
    const { fields } = this
    if (fields.length === 0) return this.only
    let level = this.root
    const last = fields.length - 1
    for (let i = 0; i < last; i++) {
      const next = level.get((fields[i] as FieldReader<E>)(error)) as Level<G> | undefined
      if (next === undefined) return undefined
      level = next
    }
    return level.get((fields[last] as FieldReader<E>)(error)) as G | undefined
  }

  /** The values `error` gives the group-by fields, in order. */
  valuesOf(error: E): ReadonlyArray<string> {
    return this.fields.map((field) => field(error))
  }

  /** The group of these values (one per field), if one is held. */
  get(values: ReadonlyArray<string>): G | undefined {
    if (values.length !== this.fields.length) return undefined
    if (values.length === 0) return this.only
    let level = this.root
    const last = values.length - 1
    for (let i = 0; i < last; i++) {
      const next = level.get(values[i] as string) as Level<G> | undefined
      if (next === undefined) return undefined
      level = next
    }
    return level.get(values[last] as string) as G | undefined
  }

  /** Holds `group` under `values`, which no group is held under. */
  add(values: ReadonlyArray<string>, group: G): void {
    this.size += 1
    if (values.length === 0) {
      this.only = group
      return
    }
    let level = this.root
    const last = values.length - 1
    for (let i = 0; i < last; i++) {
      const value = values[i] as string
      let next = level.get(value) as Level<G> | undefined
      if (next === undefined) level.set(value, (next = new Map()))
      level = next
    }
    level.set(values[last] as string, group)
  }

  /** Drops the group held under `values`, and every level it leaves empty. */
  delete(values: ReadonlyArray<string>): void {
    if (values.length === 0) {
      if (this.only !== undefined) this.size -= 1
      this.only = undefined
      return
    }
    const path: Array<Level<G>> = [this.root]
    for (let i = 0; i < values.length - 1; i++) {
      const next = (path[i] as Level<G>).get(values[i] as string) as Level<G> | undefined
      if (next === undefined) return
      path.push(next)
    }
    for (let i = values.length - 1; i >= 0; i--) {
      const level = path[i] as Level<G>
      if (!level.delete(values[i] as string)) return
      if (i === values.length - 1) this.size -= 1
      if (level.size > 0 || i === 0) return
    }
  }
}
