/**
 * Token numbers in large type for the waiting room's TV: a hand-drawn 3x5 font of capitals,
 * digits and the dash, drawn with full blocks, at scale 1 or 2.
 */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['███', '█ █', '█ █', '█ █', '███'],
  '1': [' █ ', '██ ', ' █ ', ' █ ', '███'],
  '2': ['███', '  █', '███', '█  ', '███'],
  '3': ['███', '  █', ' ██', '  █', '███'],
  '4': ['█ █', '█ █', '███', '  █', '  █'],
  '5': ['███', '█  ', '███', '  █', '███'],
  '6': ['███', '█  ', '███', '█ █', '███'],
  '7': ['███', '  █', ' █ ', ' █ ', ' █ '],
  '8': ['███', '█ █', '███', '█ █', '███'],
  '9': ['███', '█ █', '███', '  █', '███'],
  '-': ['  ', '  ', '██', '  ', '  '],
  A: [' █ ', '█ █', '███', '█ █', '█ █'],
  B: ['██ ', '█ █', '██ ', '█ █', '██ '],
  C: ['███', '█  ', '█  ', '█  ', '███'],
  D: ['██ ', '█ █', '█ █', '█ █', '██ '],
  E: ['███', '█  ', '██ ', '█  ', '███'],
  F: ['███', '█  ', '██ ', '█  ', '█  '],
  G: ['███', '█  ', '█ █', '█ █', '███'],
  H: ['█ █', '█ █', '███', '█ █', '█ █'],
  I: ['███', ' █ ', ' █ ', ' █ ', '███'],
  J: ['  █', '  █', '  █', '█ █', '███'],
  K: ['█ █', '█ █', '██ ', '█ █', '█ █'],
  L: ['█  ', '█  ', '█  ', '█  ', '███'],
  M: ['█ █', '███', '███', '█ █', '█ █'],
  N: ['██ ', '█ █', '█ █', '█ █', '█ █'],
  O: ['███', '█ █', '█ █', '█ █', '███'],
  P: ['███', '█ █', '███', '█  ', '█  '],
  Q: ['███', '█ █', '█ █', '███', '  █'],
  R: ['██ ', '█ █', '██ ', '█ █', '█ █'],
  S: ['███', '█  ', '███', '  █', '███'],
  T: ['███', ' █ ', ' █ ', ' █ ', ' █ '],
  U: ['█ █', '█ █', '█ █', '█ █', '███'],
  V: ['█ █', '█ █', '█ █', '█ █', ' █ '],
  W: ['█ █', '█ █', '███', '███', '█ █'],
  X: ['█ █', '█ █', ' █ ', '█ █', '█ █'],
  Y: ['█ █', '█ █', ' █ ', ' █ ', ' █ '],
  Z: ['███', '  █', ' █ ', '█  ', '███'],
};

export const BIG_HEIGHT = 5;

/** Whether every character of `text` has a glyph. */
export function drawable(text: string): boolean {
  return [...text].every((c) => c in GLYPHS);
}

/** `text` in large type: 5 rows (10 at scale 2), one blank column between characters. */
export function bigText(text: string, scale: 1 | 2 = 1): string[] {
  const glyphs = [...text].map((c) => GLYPHS[c] ?? GLYPHS['-']!);
  const rows: string[] = [];
  for (let row = 0; row < BIG_HEIGHT; row++) {
    const line = glyphs.map((glyph) => [...glyph[row]!].map((cell) => cell.repeat(scale)).join('')).join(' '.repeat(scale));
    for (let i = 0; i < scale; i++) rows.push(line);
  }
  return rows;
}

/** How wide `text` is in large type. */
export function bigWidth(text: string, scale: 1 | 2 = 1): number {
  return [...(bigText(text, scale)[0] ?? '')].length;
}

/**
 * The largest way a token fits `width` and `height`: the whole token, then its number alone
 * (the column already names the doctor), at scale 2 then 1; null when even that does not fit.
 */
export function fitBig(token: string, width: number, height: number): string[] | null {
  const number = token.slice(token.lastIndexOf('-') + 1);
  for (const scale of [2, 1] as const) {
    if (BIG_HEIGHT * scale > height) continue;
    for (const text of [token, number]) if (drawable(text) && bigWidth(text, scale) <= width) return bigText(text, scale);
  }
  return null;
}
