/**
 * The one way user text (names, doctors, desks, quoted input, file names) reaches a terminal.
 * Control characters (C0, DEL, C1 such as the 8-bit CSI U+009B) and bidirectional overrides
 * and isolates are shown as visible characters (␛, �), so a name can never move the
 * cursor, retitle the window, write the clipboard (OSC 52), ring the bell, or reorder a line.
 * New input refuses such characters; this neutralises what an older journal may still hold.
 */

/** Characters never written raw: C0 (with or without tab/newline), DEL, C1, bidi controls. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_KEEPING_NEWLINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * One visible character for each unsafe one, so a laid-out line keeps its width: C0 as its
 * Control Picture (ESC shows as ␛, BEL as ␇), DEL as ␡, C1 and bidi controls as �.
 */
function visible(character: string): string {
  const code = character.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** One piece of user text for a terminal line: every control character made visible. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** A block of lines for a terminal: newlines kept, every other control character made visible. */
export function terminalSafeLines(text: string): string {
  return text.replace(UNSAFE_KEEPING_NEWLINES, visible);
}

/** JSON for any stream: the same value, with C1 and bidi controls written as \u escapes too. */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
