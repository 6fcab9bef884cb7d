/** A journal entry as read back: the command parsed, the result parsed only if someone asks. */
import type { JournalEntry } from '../journal.js';

export class RecordedEntry implements JournalEntry {
  private parsed: JournalEntry['result'] | undefined;

  constructor(
    readonly seq: number,
    readonly command: JournalEntry['command'],
    readonly resultText: string,
    readonly at: string,
    readonly desk: string,
  ) {}

  get result(): JournalEntry['result'] {
    this.parsed ??= JSON.parse(this.resultText) as JournalEntry['result'];
    return this.parsed;
  }
}
