/** What a {@link KeyedHeap} holds: an item that knows its own position in the heap (-1 when outside it). */
export interface HeapItem {
  heapIndex: number
}

/**
 * A binary min-heap of items keyed by numbers, where every item records its own index so that its key can be
 * changed, or the item removed, in O(log n). Keys live in a separate array of doubles (no boxing per item).
 * Ties are in no particular order.
 */
export class KeyedHeap<T extends HeapItem> {
  private readonly items: Array<T> = []
  private readonly keys: Array<number> = []

  /** How many items are held. */
  get size(): number {
    return this.items.length
  }

  /** The smallest key, `Infinity` when empty. */
  peekKey(): number {
    return this.items.length === 0 ? Number.POSITIVE_INFINITY : (this.keys[0] as number)
  }

  /** The item with the smallest key. */
  peek(): T | undefined {
    return this.items[0]
  }

  /** The key of an item in the heap. */
  keyOf(item: T): number {
    return this.keys[item.heapIndex] as number
  }

  /** Whether `item` is in this heap. */
  has(item: T): boolean {
    return item.heapIndex >= 0 && this.items[item.heapIndex] === item
  }

  /** Adds an item that is in no heap. */
  push(item: T, key: number): void {
    const index = this.items.length
    this.items.push(item)
    this.keys.push(key)
    item.heapIndex = index
    this.up(index)
  }

  /** Gives an item of the heap a new key (larger or smaller). */
  update(item: T, key: number): void {
    const index = item.heapIndex
    const old = this.keys[index] as number
    this.keys[index] = key
    if (key < old) this.up(index)
    else if (key > old) this.down(index)
  }

  /** Takes an item out of the heap. */
  remove(item: T): void {
    const index = item.heapIndex
    const lastIndex = this.items.length - 1
    const last = this.items.pop() as T
    const lastKey = this.keys.pop() as number
    item.heapIndex = -1
    if (index === lastIndex) return
    const old = this.keys[index] as number
    this.items[index] = last
    this.keys[index] = lastKey
    last.heapIndex = index
    if (lastKey < old) this.up(index)
    else this.down(index)
  }

  /** Removes and returns the item with the smallest key. */
  pop(): T | undefined {
    const top = this.items[0]
    if (top !== undefined) this.remove(top)
    return top
  }

  /** Every item, in no particular order (a view: do not change the heap while iterating it). */
  values(): ReadonlyArray<T> {
    return this.items
  }

  private up(index: number): void {
    const { items, keys } = this
    const item = items[index] as T
    const key = keys[index] as number
    while (index > 0) {
      const parent = (index - 1) >> 1
      const parentKey = keys[parent] as number
      if (parentKey <= key) break
      const parentItem = items[parent] as T
      items[index] = parentItem
      keys[index] = parentKey
      parentItem.heapIndex = index
      index = parent
    }
    items[index] = item
    keys[index] = key
    item.heapIndex = index
  }

  private down(index: number): void {
    const { items, keys } = this
    const length = items.length
    const item = items[index] as T
    const key = keys[index] as number
    for (;;) {
      const left = 2 * index + 1
      if (left >= length) break
      const right = left + 1
      let child = left
      let childKey = keys[left] as number
      if (right < length) {
        const rightKey = keys[right] as number
        if (rightKey < childKey) {
          child = right
          childKey = rightKey
        }
      }
      if (childKey >= key) break
      const childItem = items[child] as T
      items[index] = childItem
      keys[index] = childKey
      childItem.heapIndex = index
      index = child
    }
    items[index] = item
    keys[index] = key
    item.heapIndex = index
  }
}
