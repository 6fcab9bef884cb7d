/** Where the journal lives, who this desk is, and the local date and time: the shell's facts. */
import { homedir, hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { JournalError } from './journal.js';

/** `$XDG_DATA_HOME/opd-desk/opd-desk.db`, else `~/.local/share/opd-desk/opd-desk.db`. */
export function defaultDataFile(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.trim() !== '' ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return join(base, 'opd-desk', 'opd-desk.db');
}

/** user@host, as the journal records who entered each command. */
export function deskName(): string {
  let user = 'desk';
  try {
    user = userInfo().username;
  } catch {
    // No user database entry (some containers): keep the generic name.
  }
  return `${user}@${hostname()}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date, YYYY-MM-DD. */
export function localDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The local time, HH:MM. */
export function localTime(now: Date = new Date()): string {
  return `${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Checks a --date: a real calendar date written YYYY-MM-DD. */
export function parseDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
  if (!match || !date || localDate(date) !== text) throw new JournalError(`--date takes a date written YYYY-MM-DD, not "${text}"`);
  return text;
}
