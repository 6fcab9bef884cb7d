/**
 * A line of the board as coloured segments, cut to a width so nothing ever wraps. Widths are
 * terminal columns per grapheme cluster (string-width, the measure Ink lays out with) of the
 * text as the screens draw it (../text/terminal-drawn.ts: `🙏🏽` drawn as `🙏`, a family as its
 * first person), so what is measured is what every terminal draws; a cut never splits a cluster.
 */
import stringWidth from 'string-width';
import { plainClusters } from '../text/terminal-drawn.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terminal columns `text` takes, as drawn. */
export function textWidth(text: string): number {
  // Plain ASCII, the common case, is one column a character.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(plainClusters(text));
}
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
  return line.reduce((sum, segment) => sum + textWidth(segment.text), 0);
}

/** `text` as drawn, cut to at most `width` columns, marking the cut with `…`, whole clusters only. */
export function cut(text: string, width: number): string {
  const drawn = plainClusters(text);
  if (textWidth(drawn) <= width) return drawn;
  if (width <= 0) return '';
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(drawn)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    kept += segment;
    used += w;
  }
  return `${kept}…`;
}

/** `text` as drawn, padded or cut to exactly `width` columns. */
export function fitWidth(text: string, width: number): string {
  const cutText = cut(text, width);
  return cutText + ' '.repeat(Math.max(0, width - textWidth(cutText)));
}

/** Cuts a whole line of segments to `width` characters. */
export function cutLine(line: Line, width: number): Line {
  const out: Line = [];
  let left = width;
  for (const segment of line) {
    if (left <= 0) break;
    const length = textWidth(segment.text);
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
