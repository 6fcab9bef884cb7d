/**
 * The desk's paging: as many doctors a page as the width allows, fewer when the day is so full
 * that a column would put two patients a line with their names cut below READABLE_NAME
 * (`Priy…`). Every doctor of the day is checked, not only the page shown, so turning a page
 * never changes how many doctors a page holds.
 */
import type { ColumnView } from '../store/selectors.js';
import { paging, type Paging } from './board-layout.js';
import { namesReadable } from './column-layout.js';

/** Per board (the selector gives a new one per day version): which column sizes keep names readable. */
const readableSizes = new WeakMap<readonly ColumnView[], Map<string, boolean>>();

export function readablePaging(width: number, boardHeight: number, columns: readonly ColumnView[], selectedDoctor: number): Paging {
  const known = readableSizes.get(columns) ?? new Map<string, boolean>();
  readableSizes.set(columns, known);
  const readable = (columnWidth: number) => {
    const size = `${columnWidth}x${boardHeight}`;
    let answer = known.get(size);
    if (answer === undefined) {
      answer = columns.every((column) => namesReadable({ column, width: columnWidth, height: boardHeight, selected: null, highlights: {} }));
      known.set(size, answer);
    }
    return answer;
  };
  return paging(width, columns.length, selectedDoctor, readable);
}
