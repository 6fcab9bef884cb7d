/**
 * A growable Fenwick (binary indexed) tree of counts over positions 1, 2, 3, ...
 * Used to answer "how many overflow entries come before this one" in O(log n).
 */
export class FenwickCounter {
  private tree = new Int32Array(64);

  add(position: number, delta: number): void {
    if (position >= this.tree.length) this.grow(position);
    for (let i = position; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
  }

  /** Sum of counts at positions 1..position. */
  prefix(position: number): number {
    let sum = 0;
    for (let i = Math.min(position, this.tree.length - 1); i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  private grow(position: number): void {
    let size = this.tree.length;
    while (size <= position) size *= 2;
    // Rebuild from point counts: a Fenwick tree's cells depend on its size.
    const counts = new Int32Array(size);
    const old = this.tree;
    for (let i = 1; i < old.length; i++) counts[i] = this.prefix(i) - this.prefix(i - 1);
    const tree = new Int32Array(size);
    for (let i = 1; i < size; i++) {
      tree[i]! += counts[i]!;
      const parent = i + (i & -i);
      if (parent < size) tree[parent]! += tree[i]!;
    }
    this.tree = tree;
  }
}
