/**
 * Names with clusters terminals measure differently (`🙏🏽`: 2 columns to string-width, 4 to tmux
 * 3.3 and other wcwidth terminals) are drawn in a plain form every terminal measures alike, at
 * every layout, while the day keeps them as entered.
 */
import stringWidth from 'string-width';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createDay, defaultRoster, type Command, type Roster } from '../../src/engine/index.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { plainClusters } from '../../src/text/terminal-drawn.js';
import { DeskProvider } from '../../src/ui/desk-context.js';
import { LobbyBoard } from '../../src/ui/LobbyBoard.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS, LAYOUT_SIZES, renderAt, type Terminal } from '../support/terminal.js';

let screen: DeskOnScreen | Terminal | undefined;
afterEach(() => screen?.unmount());

/**
 * Columns a terminal that measures code point by code point (wcwidth, as tmux 3.3a does) gives
 * a line: each code point alone, so a skin tone is 2 more columns, VS16 and ZWJ none.
 */
function wcwidthColumns(line: string): number {
  return [...line].reduce((sum, codePoint) => sum + stringWidth(codePoint), 0);
}

const TAG = /(EMR|PAY|F\/U|ONL|WLK)/g;

/** Where the source tags sit on chip lines of plain ASCII names: every other chip line puts its tags there too. */
function expectTagsInLine(frame: string) {
  const columnsOf = (line: string) => [...line.matchAll(TAG)].map((match) => wcwidthColumns(line.slice(0, match.index)));
  const chipLines = frame.split('\n').filter((line) => /^ {2}[A-Z]{3}-\d{3} /.test(line) && columnsOf(line).length > 0);
  const plain = new Set(chipLines.filter((line) => /^[\x20-\x7e]*$/.test(line)).flatMap(columnsOf));
  expect(plain.size).toBeGreaterThan(0);
  for (const line of chipLines) for (const at of columnsOf(line)) expect(plain.has(at), line).toBe(true);
}

/** Every line is as wide to such a terminal as to Ink's measure, and fits. */
function expectDrawnAlike(frame: string, columns: number) {
  for (const line of frame.split('\n')) {
    expect(wcwidthColumns(line), line).toBe(stringWidth(line));
    expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  }
}

const NAMES = [
  'Priya 🙏🏽',
  '👨‍👩‍👧 Family Shah',
  'Asha ❤️ Rao',
  'Room 1️⃣ Dev',
  'Rao 🇮🇳 Gopal',
  'कमला देवी',
  'क्षितिज शर्मा',
  'Zoë 👩🏽‍💻 Khan',
  'Ravi\u200bKumar',
  'Gopal Rao',
];
const day: Command[] = [
  ...NAMES.map((name, i) => book(name, i % 3 === 0 ? 'online' : 'walk-in', i < 4 ? '09:00' : '10:00', i % 2 === 0 ? 'sharma' : 'reddy')),
  // Plain names side by side: where every tag belongs.
  book('Asha Rao', 'walk-in', '11:00', 'sharma'),
  book('Dev Patel', 'paid', '11:00', 'reddy'),
];
const SIZES = LAYOUT_SIZES;

describe('the plain form of a cluster terminals disagree on', () => {
  it('drops a skin tone, keeps the first emoji of a ZWJ sequence, the digit of a keycap, the symbol without VS16', () => {
    expect(plainClusters('Priya 🙏🏽')).toBe('Priya 🙏');
    expect(plainClusters('👨‍👩‍👧 Shah')).toBe('👨 Shah');
    expect(plainClusters('👩🏽‍💻')).toBe('👩');
    expect(plainClusters('Room 1️⃣')).toBe('Room 1');
    expect(plainClusters('Asha ❤️')).toBe('Asha ❤');
    expect(plainClusters('🏴󠁧󠁢󠁥󠁮󠁧󠁿')).toBe('🏴');
  });

  it('leaves out a cluster with nothing to see: a zero-width space, a soft hyphen, a stray combining mark', () => {
    expect(plainClusters('Ravi\u200bKumar')).toBe('RaviKumar');
    expect(plainClusters('Ravi\u00adKumar')).toBe('RaviKumar');
    expect(plainClusters('\u0301Asha')).toBe('Asha');
  });

  it('splits an Indic conjunct into the clusters terminals draw, and leaves flags, accents and plain Devanagari alone', () => {
    expect(plainClusters('क्ष')).toBe('क्\u200cष');
    expect(plainClusters('नमस्ते')).toBe('नमस्\u200cते');
    for (const same of ['Priya 🇮🇳', 'कमला देवी', 'Jose\u0301', 'José', '王小明', 'Asha Rao']) expect(plainClusters(same)).toBe(same);
  });

  it('is measured alike by string-width and by a terminal measuring code point by code point, and drawing it twice changes nothing', () => {
    for (const name of [...NAMES, 'ন্ন', 'ক্ষ', '☝🏽 Ravi', '#️⃣', '🏳️‍🌈']) {
      const drawn = plainClusters(name);
      expect(wcwidthColumns(drawn), name).toBe(stringWidth(drawn));
      expect(plainClusters(drawn)).toBe(drawn);
    }
    // The measure really differs for the original: this is what shifted the frame.
    expect(wcwidthColumns('Priya 🙏🏽')).toBe(stringWidth('Priya 🙏🏽') + 2);
  });
});

describe('names drawn alike at every layout', () => {
  for (const [columns, rows] of SIZES) {
    it(`the board, its ticker and status line at ${columns}x${rows}`, () => {
      screen = deskAt(columns, rows, day);
      const frame = screen.frame();
      expect(frame.split('\n').length).toBe(rows - 1);
      expectDrawnAlike(frame, columns);
      expect(frame).toContain(columns >= 60 ? 'SHR-001 Priya 🙏 ' : 'SHR-001 Priy…');
      if (rows >= 20) expectTagsInLine(frame);
    });
  }

  it('the cancel list, which still finds the patient by the name as entered', async () => {
    const desk = (screen = deskAt(80, 24, day));
    await desk.press('c', (f) => f.includes('Cancel a token'));
    const frame = await desk.press('🙏🏽', (f) => f.includes('1 match'));
    expectDrawnAlike(frame, 80);
    expect(frame).toContain('SHR-001 Priya 🙏');
  });

  it('the booking form: drawn plain, booked as typed', async () => {
    const desk = (screen = deskAt(80, 24, day));
    await desk.press('b');
    const frame = await desk.press('Devi 👨‍👩‍👧 🙏🏽', (f) => f.includes('Name   Devi 👨 🙏'));
    expectDrawnAlike(frame, 80);
    const booked = await desk.press(KEYS.enter.repeat(5), (f) => !f.includes('Book a patient'));
    expectDrawnAlike(booked, 80);
    expect(desk.store.getState().day.tokens.at(-1)!.patient).toBe('Devi 👨‍👩‍👧 🙏🏽');
  });

  it('the move form and the token detail', async () => {
    const desk = (screen = deskAt(120, 40, day));
    await desk.press(KEYS.down);
    const detail = await desk.press(`${KEYS.down}${KEYS.enter}`, (f) => f.includes('SHR-00') && !f.includes('Dr. Reddy'));
    expectDrawnAlike(detail, 120);
    await desk.press(KEYS.escape, (f) => f.includes('Dr. Reddy'));
    const move = await desk.press('m', (f) => f.includes('Move a patient'));
    expectDrawnAlike(move, 120);
    expect(move).toMatch(/Patient SHR-00\d /);
  });

  it('the lobby board, with a doctor named with an emoji', () => {
    const roster: Roster = { doctors: defaultRoster().doctors.map((d, i) => (i === 0 ? { ...d, name: 'Dr. Priya 🙏🏽 Sharma' } : d)) };
    const store = createDeskStore(createDay(roster));
    act(() => {
      for (const command of day) store.getState().dispatch(command);
    });
    screen = renderAt(
      <DeskProvider store={store}>
        <LobbyBoard title="Waiting room 🏥" />
      </DeskProvider>,
      80,
      24,
    );
    const frame = screen.frame();
    expectDrawnAlike(frame, 80);
    expect(frame).toContain('Dr. Priya 🙏 Sharma');
  });
});
