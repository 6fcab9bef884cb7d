/** `opd-desk report`: the end-of-day report (SPEC §4, §5) of a recorded day. */
import { createDay, execute, type Result } from '../engine/index.js';
import { ReplayMismatchError, type Mismatch } from '../journal/session.js';
import { buildReport, emptyCounters, reportJson, reportText } from '../simulation/report.js';
import { recordedCounter } from '../simulation/recorded-counters.js';
import { jsonSafe, terminalSafeLines } from '../text/terminal-safe.js';
import { TempFileArchiveStore } from './archive-file.js';
import { openRecordedJournal, type DayOptions } from './open-day.js';

export interface ReportOptions extends DayOptions {
  json?: boolean;
}

/**
 * Replays the day's journal with events, to count displacements and promotions (the day itself
 * does not keep them), and prints the report the simulation prints. One streamed pass, checked
 * as a desk opening the day checks it (the hash chain, every row, every result against the
 * record); names from an older journal are neutralised for the terminal.
 */
export function reportCommand(options: ReportOptions): number {
  const { journal, date } = openRecordedJournal(options);
  // Archive mode, as export: the report reads each token once, at the end.
  const store = new TempFileArchiveStore();
  try {
    const day = createDay(journal.day(date)!.roster, { archive: store });
    const counters = emptyCounters();
    const mismatches: Mismatch[] = [];
    const count = recordedCounter(counters);
    journal.scan(date, 0, (seq, command, recorded) => {
      const outcome = execute(day, command, { ref: { key: 'seq', value: seq } });
      if (JSON.stringify(outcome.result) !== recorded) mismatches.push({ seq, recorded: JSON.parse(recorded) as Result, replayed: outcome.result });
      count(seq, outcome.result, outcome.events);
    });
    if (mismatches.length > 0 && !options.replayAnyway) throw new ReplayMismatchError(date, mismatches, journal.location);
    const report = buildReport(day, counters, { date });
    process.stdout.write(options.json ? jsonSafe(reportJson(report)) : terminalSafeLines(`${reportText(report).join('\n')}\n`));
    return 0;
  } finally {
    journal.close();
    store.close();
  }
}
