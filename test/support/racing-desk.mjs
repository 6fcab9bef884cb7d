// A desk in its own process, for the two-desk test: opens the day, says "ready", waits for "go",
// books one patient, then waits until it sees `expect` tokens and prints its day.
import { createInterface } from 'node:readline';
import { defaultRoster, snapshot } from '../../dist/src/engine/index.js';
import { DeskSession } from '../../dist/src/journal/session.js';
import { SqliteJournal } from '../../dist/src/journal/sqlite-journal.js';

const [file, date, desk, patient, expect] = process.argv.slice(2);
const journal = SqliteJournal.open(file);
const session = DeskSession.open({ journal, date, desk, fallbackRoster: defaultRoster() });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') continue;
  const result = session.submit({ op: 'book', doctor: 'sharma', slot: '09:00', patient }).at(-1).result;
  const deadline = Date.now() + 5000;
  while (session.day.tokens.length < Number(expect) && Date.now() < deadline) {
    session.sync();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  process.stdout.write(`${JSON.stringify({ result, snapshot: snapshot(session.day) })}\n`);
  journal.close();
  process.exit(0);
}
