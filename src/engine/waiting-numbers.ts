/**
 * How many overflow entries of one doctor and priority come before a given one, by token number:
 * the numbers waiting, kept sorted. It holds only the entries waiting (a Fenwick tree over every
 * number ever issued held 16 KB per doctor and priority on a large day, 24 MB across 300 doctors);
 * a new entry has the highest number so far and is appended, a count is a binary search.
 */
export class WaitingNumbers {
  private readonly numbers: number[] = [];

  add(position: number, delta: 1 | -1): void {
    const at = this.firstAbove(position - 1);
    if (delta === 1) {
      if (at === this.numbers.length) this.numbers.push(position);
      else this.numbers.splice(at, 0, position);
    } else if (this.numbers[at] === position) this.numbers.splice(at, 1);
  }

  /** How many numbers 1..position are waiting. */
  prefix(position: number): number {
    return this.firstAbove(position);
  }

  /** Index of the first number greater than `position`. */
  private firstAbove(position: number): number {
    const numbers = this.numbers;
    if (numbers.length === 0 || numbers[numbers.length - 1]! <= position) return numbers.length;
    let low = 0;
    let high = numbers.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (numbers[middle]! > position) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
