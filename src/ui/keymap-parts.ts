/**
 * The keymap's vocabulary: what a binding is, and the bindings that several screens share in
 * the same shape (Enter, Tab between fields, ↑↓ in a list, digits, y/n, Esc, Ctrl+C), each
 * made by one function so the keymap says only what differs per screen.
 */
export type Screen = 'board' | 'help' | 'callbacks' | 'question' | 'form' | 'cancel' | 'move' | 'away' | 'film' | 'report' | 'detail' | 'lobby';

export type KeyName = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'return' | 'escape' | 'tab' | 'backspace';

export interface KeySpec {
  /** A printable key, matched exactly. */
  input?: string;
  /** A named key. */
  key?: KeyName;
  ctrl?: boolean;
  shift?: boolean;
  /** For keys that go two ways: -1 back, +1 forward. */
  delta?: -1 | 1;
}

export interface Binding {
  screen: Screen;
  /** What the screen's input hook does for it. */
  action: string;
  keys: readonly KeySpec[];
  /** The keys as the help and the README show them. */
  label: string;
  /** The help overlay's line. */
  help: string;
  /** The README's line, when it says more than the help. */
  readme?: string;
  /** The status bar's hint, when there is room for one. */
  hint?: { key: string; action: string };
}

export const input = (...characters: string[]): KeySpec[] => characters.map((c) => ({ input: c }));

/** Two named keys that go two ways: the first back, the second forward. */
export const twoWay = (back: KeyName, forward: KeyName): KeySpec[] => [
  { key: back, delta: -1 },
  { key: forward, delta: 1 },
];

const UP_DOWN = twoWay('upArrow', 'downArrow');
const K_J: KeySpec[] = [
  { input: 'k', delta: -1 },
  { input: 'j', delta: 1 },
];

export function enterKey(screen: Screen, help: string, hintAction = 'next / confirm'): Binding {
  return { screen, action: 'enter', keys: [{ key: 'return' }], label: 'Enter', help, hint: { key: 'Enter', action: hintAction } };
}

export function tabFields(screen: Screen, help: string): Binding {
  const keys: KeySpec[] = [
    { key: 'tab', delta: 1 },
    { key: 'tab', shift: true, delta: -1 },
  ];
  return { screen, action: 'field', keys, label: 'Tab / Shift+Tab', help, hint: { key: 'Tab', action: 'field' } };
}

/** ↑ ↓ (and k j where `alsoKJ`), as `action`, optionally with a status-bar hint. */
export function upDown(screen: Screen, action: string, help: string, options: { alsoKJ?: boolean; hint?: string } = {}): Binding {
  const binding: Binding = { screen, action, keys: options.alsoKJ ? [...UP_DOWN, ...K_J] : UP_DOWN, label: '↑ ↓', help };
  return options.hint ? { ...binding, hint: { key: '↑↓', action: options.hint } } : binding;
}

export function digitPick(screen: Screen, help: string): Binding {
  return { screen, action: 'pick', keys: input('1', '2', '3', '4', '5', '6', '7', '8', '9'), label: '1-9', help };
}

export function yesNo(screen: Screen, yesHelp: string, noHelp: string): Binding[] {
  return [
    { screen, action: 'yes', keys: input('y', 'Y'), label: 'y', help: yesHelp },
    { screen, action: 'no', keys: input('n', 'N'), label: 'n', help: noHelp },
  ];
}

export function escapeKey(screen: Screen, help: string, hintAction: string): Binding {
  return { screen, action: 'close', keys: [{ key: 'escape' }], label: 'Esc', help, hint: { key: 'Esc', action: hintAction } };
}

export function ctrlC(screen: Screen, help = 'quit (asks first)', action = 'quit'): Binding {
  return { screen, action, keys: [{ input: 'c', ctrl: true }], label: 'Ctrl+C', help };
}
