/** Names terminals draw wider or narrower than their code points: the frame stays whole and aligned at every size. */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS, LAYOUT_SIZES } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

/** An emoji with a skin tone, a family joined by ZWJs, a flag, a combining accent, Devanagari conjuncts, CJK. */
const NAMES = ['Priya 🙏🏽', '👨‍👩‍👧 Family Shah', 'Rao 🇮🇳 Gopal', 'Jose\u0301 Pereira', 'क्षितिज शर्मा', '王小明 Wang'];
const day = [
  ...NAMES.map((name, i) => book(name, i % 2 === 0 ? 'walk-in' : 'online', '09:00', i < 4 ? 'sharma' : 'reddy')),
  book('Ravi Kumar', 'emergency', '09:00'),
  book('Zoë 🧕🏾 Khan', 'walk-in', '10:00'),
];
const SIZES = LAYOUT_SIZES;
const TAG = /(EMR|PAY|F\/U|ONL|WLK)/g;

function checkFrame(frame: string, columns: number, rows: number) {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThan(rows);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
}

/** The display column of every source tag on a line: they line up within a doctor's column. */
function tagColumns(frame: string): Set<number> {
  const at = new Set<number>();
  for (const line of frame.split('\n')) {
    for (const match of line.matchAll(TAG)) at.add(stringWidth(line.slice(0, match.index)));
  }
  return at;
}

describe('names with emoji, flags, combining marks and wide characters', () => {
  for (const [columns, rows] of SIZES) {
    it(`keep the board whole and the chips aligned at ${columns}x${rows}`, async () => {
      desk = deskAt(columns, rows, day);
      const frame = desk.frame();
      checkFrame(frame, columns, rows);
      // One tag column per doctor column shown (two patients a line doubles it at most).
      const doctorsShown = Math.max(1, Math.floor((columns + 1) / 37));
      expect(tagColumns(frame).size).toBeLessThanOrEqual(doctorsShown * 2);
      desk.unmount();
      desk = undefined;
    });
  }

  it('are typed, cut and deleted as whole characters in the booking form', async () => {
    desk = deskAt(80, 24);
    await desk.press('b');
    // The field draws the emoji without its skin tone (terminals disagree on its width), and keeps it.
    await desk.press('Priya 🙏🏽', (f) => f.includes('Name   Priya 🙏'));
    // Backspace takes the emoji with its skin tone, not the tone alone.
    const frame = await desk.press('\u007F', (f) => f.includes('Name   Priya ') && !f.includes('🙏'));
    checkFrame(frame, 80, 24);
    await desk.press(`🇮🇳${KEYS.enter.repeat(5)}`, (f) => !f.includes('Book a patient'));
    expect(desk.store.getState().day.tokens.at(-1)!.patient).toBe('Priya 🇮🇳');
  });

  it('in the cancel list keep the columns in line', async () => {
    desk = deskAt(120, 40, day);
    const frame = await desk.press('c', (f) => f.includes('Cancel a token'));
    checkFrame(frame, 120, 40);
    const starts = frame
      .split('\n')
      .filter((line) => line.startsWith('│') && /(SHR|RED)-\d{3}/.test(line))
      .map((line) => stringWidth(line.slice(0, line.search(TAG))));
    expect(new Set(starts).size).toBe(1);
  });
});
