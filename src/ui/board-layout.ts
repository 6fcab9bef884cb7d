/** How many doctor columns fit, and which page of doctors is shown. */
export const MIN_COLUMN_WIDTH = 36;
export const COLUMN_GAP = 1;

export interface Paging {
  perPage: number;
  first: number;
  columnWidth: number;
  pages: number;
  page: number;
}

/**
 * As many doctors a page as fit MIN_COLUMN_WIDTH, fewer while `readable` says a column of that
 * width would cut patients' names too short (see ./readable-paging.ts).
 */
export function paging(width: number, doctors: number, selectedDoctor: number, readable: (columnWidth: number) => boolean = () => true): Paging {
  const widthOf = (perPage: number) => Math.floor((width - COLUMN_GAP * (perPage - 1)) / perPage);
  let perPage = Math.max(1, Math.min(doctors, Math.floor((width + COLUMN_GAP) / (MIN_COLUMN_WIDTH + COLUMN_GAP))));
  while (perPage > 1 && !readable(widthOf(perPage))) perPage--;
  const page = Math.floor(selectedDoctor / perPage);
  const columnWidth = widthOf(perPage);
  return { perPage, first: page * perPage, columnWidth, pages: Math.ceil(doctors / perPage), page };
}

/** Rows given to the parts of the screen at a terminal height; the frame is one row short of it. */
export interface Rows {
  frame: number;
  header: number;
  board: number;
  ticker: number;
  status: number;
}

export function rowsFor(terminalRows: number): Rows {
  // Ink redraws the whole terminal for a frame as tall as the terminal, so stay one row short.
  const frame = Math.max(8, terminalRows - 1);
  const header = 1;
  const status = 2;
  const ticker = terminalRows >= 36 ? 6 : terminalRows >= 28 ? 4 : 0;
  return { frame, header, status, ticker, board: frame - header - status - ticker };
}
