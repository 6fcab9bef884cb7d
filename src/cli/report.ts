/** `opd-desk report`: the end-of-day report (SPEC §4, §5) of a recorded day. */
import { createDay, execute } from '../engine/index.js';
import { buildReport, countEvents, emptyCounters, reportJson, reportText } from '../simulation/report.js';
import { jsonSafe, terminalSafeLines } from '../text/terminal-safe.js';
import { openRecordedDay, type DayOptions } from './open-day.js';

export interface ReportOptions extends DayOptions {
  json?: boolean;
}

/**
 * Replays the day's journal once more with events, to count displacements and promotions (the
 * day itself does not keep them), and prints the report the simulation prints. The rows are
 * streamed, never listed; names from an older journal are neutralised for the terminal.
 */
export function reportCommand(options: ReportOptions): number {
  const { session, journal, date } = openRecordedDay(options);
  try {
    const day = createDay(session.roster);
    const counters = emptyCounters();
    journal.scan(date, 0, (seq, command) => {
      countEvents(counters, execute(day, command, { ref: { key: 'seq', value: seq } }).events);
    });
    const report = buildReport(day, counters, { date });
    process.stdout.write(options.json ? jsonSafe(reportJson(report)) : terminalSafeLines(`${reportText(report).join('\n')}\n`));
    return 0;
  } finally {
    journal.close();
  }
}
