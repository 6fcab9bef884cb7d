/**
 * Names that slipped into a day before names were checked (an older journal) reach the screen
 * harmless: escapes, bells, 8-bit CSI and direction overrides are shown, never obeyed, on the
 * board, in the ticker, in the cancel dialog and its question, at every layout.
 */
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster, type Roster } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';
import { KEYS } from '../support/terminal.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

const TITLE_ATTACK = 'Inj1 \u001b]0;pwned-title\u0007';
const CLIPBOARD_ATTACK = 'Clip \u001b]52;c;ZWNobyBwd25lZA==\u0007';
const HOSTILE_PATIENTS = [
  TITLE_ATTACK,
  CLIPBOARD_ATTACK,
  'Red \u001b[31;5mblink\u001b[0m',
  'Back\b\b\bspace\r\u009b2J',
  'Rtl \u202egnp.exe\u202c',
  'Emoji 👩‍⚕️🏥 Rao',
  'देवनागरी नाम शर्मा',
  `Long ${'Venkatanarasimharajuvaripeta '.repeat(8)}`,
];

function hostileRoster(): Roster {
  const roster = defaultRoster();
  roster.doctors[0]!.name = 'Dr. \u001b[2JSharma\u0007';
  roster.doctors[1]!.name = 'Dr. \u202eyddeR';
  return roster;
}

const commands = HOSTILE_PATIENTS.map((name, i) => book(name, i % 2 === 0 ? 'walk-in' : 'online', undefined, i % 3 === 0 ? 'reddy' : 'sharma'));

/** What Ink itself writes (colour and style, SGR) is allowed; any other control is not. */
function controlsBesidesStyle(raw: string): string[] {
  const withoutStyle = raw.replace(/\u001b\[[0-9;]*m/g, '');
  return [...withoutStyle.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu)].map((m) => m[0]);
}

function expectHarmless(d: DeskOnScreen, columns: number) {
  expect(controlsBesidesStyle(d.rawFrame())).toEqual([]);
  for (const line of d.frame().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
}

describe('hostile names on the screen', () => {
  for (const [columns, rows] of [
    [160, 50],
    [120, 40],
    [80, 24],
    [60, 20],
  ] as const) {
    it(`the board at ${columns}x${rows} shows them, obeys none`, () => {
      desk = deskAt(columns, rows, commands, hostileRoster());
      expectHarmless(desk, columns);
      expect(desk.frame()).toContain('␛');
    });
  }

  it('the title attack is shown as text on the board and in the ticker', () => {
    desk = deskAt(160, 50, commands, hostileRoster());
    expect(desk.frame()).toContain('Inj1 ␛]0;pwned-title␇');
    expectHarmless(desk, 160);
  });

  it('the cancel dialog lists and asks about them harmlessly', async () => {
    desk = deskAt(120, 40, commands, hostileRoster());
    const list = await desk.press('c', (f) => f.includes('Cancel a token'));
    expect(list).toContain('Clip ␛]52;c;');
    expectHarmless(desk, 120);
    await desk.press('inj', (f) => f.includes('1 match'));
    const question = await desk.press(KEYS.enter, (f) => f.includes('Cancel RED-001'));
    expect(question).toContain('Inj1 ␛]0;pwned-title␇');
    expectHarmless(desk, 120);
  });

  it('a desk title with controls is shown, not obeyed', () => {
    desk = deskAt(120, 40, [], defaultRoster(), { title: 'OPD desk · \u001b]0;x\u0007 \u009b31m' });
    expectHarmless(desk, 120);
    expect(desk.frame()).toContain('OPD desk · ␛]0;x␇');
  });
});
