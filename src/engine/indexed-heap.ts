/**
 * A binary min-heap whose items remember their own position, so that any item can be removed
 * in O(log n) (a cancelled overflow entry) and the minimum read in O(1) (the next to promote).
 * One item lives in at most one heap at a time.
 */
export interface HeapItem {
  heapIndex: number;
}

export class IndexedHeap<T extends HeapItem> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.siftUp(item.heapIndex);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.remove(top);
    return top;
  }

  remove(item: T): void {
    const index = item.heapIndex;
    const last = this.items.pop() as T;
    item.heapIndex = -1;
    if (index === this.items.length) return;
    this.items[index] = last;
    last.heapIndex = index;
    this.siftUp(index);
    this.siftDown(last.heapIndex);
  }

  /** The items in no particular order (for views and checks, not the hot path). */
  values(): readonly T[] {
    return this.items;
  }

  private siftUp(start: number): void {
    let index = start;
    const item = this.items[index] as T;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.items[parentIndex] as T;
      if (!this.before(item, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(item, index);
  }

  private siftDown(start: number): void {
    let index = start;
    const count = this.items.length;
    const item = this.items[index] as T;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= count) break;
      const right = child + 1;
      if (right < count && this.before(this.items[right] as T, this.items[child] as T)) child = right;
      const smaller = this.items[child] as T;
      if (!this.before(smaller, item)) break;
      this.place(smaller, index);
      index = child;
    }
    this.place(item, index);
  }

  private place(item: T, index: number): void {
    this.items[index] = item;
    item.heapIndex = index;
  }
}
