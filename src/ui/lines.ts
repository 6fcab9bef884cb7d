/** A line of the board as coloured segments, cut to a width so nothing ever wraps. */
export interface Segment {
  text: string;
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type Line = Segment[];

export function lineWidth(line: Line): number {
  return line.reduce((sum, segment) => sum + [...segment.text].length, 0);
}

/** Cuts a string to `width` characters, marking the cut with `…`. */
export function cut(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Pads or cuts a string to exactly `width` characters. */
export function fitWidth(text: string, width: number): string {
  const cutText = cut(text, width);
  return cutText + ' '.repeat(Math.max(0, width - [...cutText].length));
}

/** Cuts a whole line of segments to `width` characters. */
export function cutLine(line: Line, width: number): Line {
  const out: Line = [];
  let left = width;
  for (const segment of line) {
    if (left <= 0) break;
    const length = [...segment.text].length;
    if (length <= left) {
      out.push(segment);
      left -= length;
    } else {
      out.push({ ...segment, text: cut(segment.text, left) });
      left = 0;
    }
  }
  return out;
}
