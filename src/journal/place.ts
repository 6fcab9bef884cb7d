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
  if (!match) throw new JournalError(`--date takes a date written YYYY-MM-DD, not ${JSON.stringify(text)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (localDate(date) !== text) {
    if (month < 1 || month > 12) throw new JournalError(`--date ${text} does not exist: there is no month ${month}`);
    const days = new Date(year, month, 0).getDate();
    const monthName = new Date(year, month - 1, 1).toLocaleString('en-GB', { month: 'long' });
    throw new JournalError(`--date ${text} does not exist: ${monthName} ${year} has ${days} days`);
  }
  return text;
}
