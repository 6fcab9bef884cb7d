/**
 * Every key of every screen, once: which keys, what they do (an action id the screen's input
 * hook handles), the status-bar hint and the help line. The status bar, the help overlay, the
 * input hooks and the README's key tables all come from here (test/ui/keymap.test.ts checks the
 * README against it). A key spec may carry a `delta` for keys that go two ways.
 */
import type { KeyPress } from './key-burst.js';
import { ctrlC, digitPick, enterKey, escapeKey, input, tabFields, twoWay, upDown, yesNo, type Binding, type KeySpec, type Screen } from './keymap-parts.js';

export type { Binding, KeySpec, Screen } from './keymap-parts.js';

export const KEYMAP: readonly Binding[] = [
  {
    screen: 'board',
    action: 'book',
    keys: input('b'),
    label: 'b',
    help: 'book a patient (doctor and slot from the cursor)',
    readme:
      'book: name, phone, doctor, source, slot. The slot list says what each choice would do (`3 free`, `full — waitlist #2`, `full — will displace SHR-004 Meena Iyer`), as the engine decides it; "Next available" follows rule 7',
    hint: { key: 'b', action: 'book' },
  },
  {
    screen: 'board',
    action: 'cancel',
    keys: input('c'),
    label: 'c',
    help: 'cancel a token: type a token, part of a name or a phone',
    readme: 'cancel: type a token (`shr4` works), part of a name or a phone (`98450 12345` finds `+91 98450-12345`), ↑↓ to pick, Enter, then `y`',
    hint: { key: 'c', action: 'cancel' },
  },
  {
    screen: 'board',
    action: 'no-show',
    keys: input('n'),
    label: 'n',
    help: 'mark the selected seated patient as no-show',
    readme: 'mark the selected seated patient as no-show (asks first)',
    hint: { key: 'n', action: 'no-show' },
  },
  {
    screen: 'board',
    action: 'check-in',
    keys: input('i'),
    label: 'i',
    help: 'check in the selected patient (they are here)',
  },
  {
    screen: 'board',
    action: 'call',
    keys: input('x'),
    label: 'x',
    help: "call the selected doctor's next checked-in patient",
    readme: "call the selected doctor's next checked-in patient (slot time, then service order); whoever was in consultation is done",
  },
  {
    screen: 'board',
    action: 'done',
    keys: input('d'),
    label: 'd',
    help: "the selected doctor's patient in consultation is done",
  },
  {
    screen: 'board',
    action: 'move',
    keys: input('m'),
    label: 'm',
    help: 'move the selected patient to another slot or doctor',
    readme:
      'move the selected patient: doctor, then slot. The slot list previews each choice as the engine would do it (`2 free`, `full — waitlist #2`, `full — will displace RED-004 Ravi Kumar`, or why not); Enter asks, `y` moves',
  },
  {
    screen: 'board',
    action: 'away',
    keys: input('a'),
    label: 'a',
    help: 'a doctor is away: from, to, who is rebooked where',
    readme:
      "a doctor is away: doctor (the selected one), from (empty: now), to (empty: the day's end); Enter shows who would be rebooked where, `y` does it and lists where everyone went",
  },
  {
    screen: 'board',
    action: 'undo',
    keys: input('u'),
    label: 'u',
    help: 'undo the most recent command (says which, asks first)',
    readme: 'undo the most recent command that changed the day: says which and asks first; nothing before a closed slot',
  },
  {
    screen: 'board',
    action: 'detail',
    keys: [{ key: 'return' }],
    label: 'Enter',
    help: "the selected patient's token: its history, phone, expected time",
    readme:
      "the selected patient's token: its whole history from the journal (booked, displaced by whom, promoted, moved, checked in, called, by which desk), phone, source and expected time",
  },
  {
    screen: 'board',
    action: 'clock',
    keys: input('t'),
    label: 't',
    help: 'move the clock to the next slot boundary',
    readme: "move the clock to the next slot boundary (asks first); on today's date the clock follows the wall clock and `t` is refused",
    hint: { key: 't', action: 'clock' },
  },
  {
    screen: 'board',
    action: 'doctor',
    keys: [...twoWay('leftArrow', 'rightArrow'), { key: 'tab', shift: true, delta: -1 }, { key: 'tab', delta: 1 }],
    label: '← → or Tab / Shift+Tab',
    help: 'previous / next doctor (pages follow)',
    hint: { key: '←→', action: 'doctor' },
  },
  upDown('board', 'row', 'move between slots and patients', { hint: 'move' }),
  { screen: 'board', action: 'page', keys: twoWay('pageUp', 'pageDown'), label: 'PgUp PgDn', help: 'previous / next page of doctors' },
  {
    screen: 'board',
    action: 'callbacks',
    keys: input('U'),
    label: 'U',
    help: "call-backs: the day's unserved patients with their phones",
    readme: "call-backs: the day's unserved patients with their phones (also `opd-desk export --unserved`)",
  },
  {
    screen: 'board',
    action: 'help',
    keys: input('?'),
    label: '?',
    help: 'this help',
    readme: 'help: every key and what the colours mean',
    hint: { key: '?', action: 'help' },
  },
  {
    screen: 'board',
    action: 'quit',
    keys: [{ input: 'q' }, { input: 'c', ctrl: true }],
    label: 'q or Ctrl+C',
    help: 'quit (asks first)',
    readme: 'quit (asks first; Ctrl+C twice quits at once)',
    hint: { key: 'q', action: 'quit' },
  },
  {
    screen: 'help',
    action: 'close',
    keys: [{ key: 'escape' }, { input: '?' }, { input: 'q' }, { key: 'return' }],
    label: 'Esc',
    help: 'back out of a form, dialog or this help',
    readme: 'back out of a form or dialog; nothing is changed',
    hint: { key: 'Esc', action: 'close' },
  },
  ctrlC('help'),
  {
    screen: 'detail',
    action: 'close',
    keys: [{ key: 'escape' }, { key: 'return' }, { input: 'q' }],
    label: 'Esc, Enter or q',
    help: 'back to the board',
    hint: { key: 'Esc', action: 'close' },
  },
  upDown('detail', 'scroll', 'earlier / later history', { hint: 'history' }),
  ctrlC('detail'),
  {
    screen: 'callbacks',
    action: 'close',
    keys: [{ key: 'escape' }, { input: 'U' }, { input: 'q' }, { key: 'return' }],
    label: 'Esc',
    help: 'back to the board',
    hint: { key: 'Esc', action: 'close' },
  },
  ctrlC('callbacks'),
  ctrlC('form', 'quit (asks first; n comes back to the form)'),
  ctrlC('cancel', 'quit (asks first; n comes back here)'),
  ...yesNo('question', 'yes', 'no').map((binding) => ({ ...binding, hint: { key: binding.label, action: binding.help } })),
  { screen: 'question', action: 'back', keys: [{ key: 'escape' }], label: 'Esc', help: 'no, back out', hint: { key: 'Esc', action: 'back out' } },
  ctrlC('question', 'asked to quit: quit at once', 'quit-now'),
  enterKey('form', 'next field; on the slot, book'),
  tabFields('form', 'next / previous field'),
  upDown('form', 'updown', 'previous / next field; in a list, the choice (k j too)', { alsoKJ: true }),
  {
    screen: 'form',
    action: 'source',
    keys: input('e', 'p', 'f', 'o', 'w'),
    label: 'e p f o w',
    help: 'in the source list: emergency, paid, follow-up, online, walk-in',
  },
  digitPick('form', 'in a list, take the n-th choice shown'),
  escapeKey('form', 'in a list, back one field; in the name or phone, back out, nothing booked', 'back out'),
  upDown('cancel', 'pick', 'pick a match'),
  enterKey('cancel', 'ask to cancel the picked token'),
  escapeKey('cancel', 'back out, nothing cancelled', 'back out'),
  // The move form: doctor, slot, then a question.
  enterKey('move', 'take the choice; on the slot, ask', 'choose'),
  tabFields('move', 'doctor / slot'),
  upDown('move', 'updown', 'the choice (k j too); the preview follows', { alsoKJ: true }),
  digitPick('move', 'take the n-th choice shown'),
  ...yesNo('move', 'at the question: move', 'at the question: back to the slot'),
  escapeKey('move', 'back one step; on the doctor, back out, nothing moved', 'back'),
  ctrlC('move', 'quit (asks first; n comes back to the form)'),
  // The doctor-away dialog: doctor, from, to, the preview and its question, then the result.
  enterKey('away', 'next field; on "to", show who would be rebooked; on the result, close'),
  tabFields('away', 'next / previous field'),
  upDown('away', 'updown', 'in the doctor list, the choice; in a time, previous / next field'),
  ...yesNo('away', 'at the preview: the doctor is away, rebook them', 'at the preview: back to the times'),
  escapeKey('away', 'back one field; on the doctor, back out, nothing changed', 'back'),
  ctrlC('away', 'quit (asks first; n comes back to the dialog)'),
  { screen: 'film', action: 'pause', keys: input(' '), label: 'Space', help: 'pause / resume', hint: { key: 'Space', action: 'pause' } },
  {
    screen: 'film',
    action: 'speed',
    keys: [
      { input: '+', delta: 1 },
      { input: '=', delta: 1 },
      { input: '-', delta: -1 },
      { input: '_', delta: -1 },
    ],
    label: '+ / -',
    help: 'faster / slower: 1x, 2x, 5x, 10x (the default), 20x, 30x, 60x; at 1x a simulated minute takes a second, at 60x an hour does',
    hint: { key: '+ -', action: 'speed' },
  },
  { screen: 'film', action: 'step', keys: input('.'), label: '.', help: 'one event forward, while paused', hint: { key: '.', action: 'step (paused)' } },
  {
    screen: 'film',
    action: 'doctor',
    keys: [...twoWay('leftArrow', 'rightArrow'), { key: 'tab', delta: 1 }],
    label: '← →',
    help: 'page the doctors',
    hint: { key: '←→', action: 'doctors' },
  },
  { screen: 'film', action: 'quit', keys: [{ input: 'q' }, { key: 'escape' }], label: 'q', help: 'stop', hint: { key: 'q', action: 'stop' } },
  {
    screen: 'lobby',
    action: 'quit',
    keys: [{ input: 'q' }, { key: 'escape' }, { input: 'c', ctrl: true }],
    label: 'q, Esc or Ctrl+C',
    help: 'leave the lobby board (it changes nothing)',
  },
  { screen: 'report', action: 'quit', keys: [{ input: 'q' }, { key: 'escape' }], label: 'q', help: 'quit', hint: { key: 'q', action: 'quit' } },
];

export function bindingsOf(screen: Screen): Binding[] {
  return KEYMAP.filter((binding) => binding.screen === screen);
}

function matches(spec: KeySpec, { input: typed, key }: KeyPress): boolean {
  if ((spec.ctrl ?? false) !== (key.ctrl ?? false)) return false;
  if (spec.key !== undefined) return key[spec.key] === true && (spec.shift === undefined || (key.shift ?? false) === spec.shift);
  return typed === spec.input;
}

export interface Matched {
  action: string;
  delta: -1 | 1;
}

/** The action a key asks for on a screen, with its direction; null if the screen has no such key. */
export function matchKey(screen: Screen, press: KeyPress): Matched | null {
  // A key with a modifier named in its spec (Shift+Tab) wins over the same key without it.
  let best: { matched: Matched; exact: boolean } | null = null;
  for (const binding of bindingsOf(screen)) {
    for (const spec of binding.keys) {
      if (!matches(spec, press)) continue;
      const exact = spec.shift !== undefined;
      if (!best || (exact && !best.exact)) best = { matched: { action: binding.action, delta: spec.delta ?? 1 }, exact };
    }
  }
  return best?.matched ?? null;
}

/** The status bar's hints for a screen. */
export function hintsOf(screen: Screen): { key: string; action: string }[] {
  return bindingsOf(screen).flatMap((binding) => (binding.hint ? [binding.hint] : []));
}

/** The desk's keys as the help and the README list them: the board's, then how to back out. */
export function deskBindings(): Binding[] {
  return [...bindingsOf('board'), ...bindingsOf('help').filter((binding) => binding.action === 'close')];
}

/** The help overlay's key lines. */
export function helpLines(): [string, string][] {
  return deskBindings().map((binding) => [binding.label, binding.help]);
}

/** The README's table of these keys. */
export function readmeKeyTable(bindings: readonly Binding[]): string {
  const rows = bindings.map((binding) => `| ${binding.label} | ${binding.readme ?? binding.help} |`);
  return ['| key | does |', '|---|---|', ...rows].join('\n');
}
