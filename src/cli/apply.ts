import { readFileSync } from 'node:fs';
import { jsonReport } from '../script/json-report.js';
import { runScript } from '../script/run-script.js';
import { textReport } from '../script/text-report.js';
import { loadRoster } from './load-roster.js';
import { UsageError } from './usage-error.js';

export interface ApplyOptions {
  roster?: string;
  json?: boolean;
}

function readScript(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
    throw new UsageError(`cannot read script ${file}: ${why}`);
  }
}

/** `opd-desk apply FILE|-`: returns the exit status (0 all applied, 1 some line failed). */
export function applyCommand(file: string, options: ApplyOptions): number {
  const roster = loadRoster(options.roster);
  const { day, results, failed } = runScript(readScript(file), roster);
  process.stdout.write(options.json ? jsonReport(day, results) : textReport(day, results));
  for (const result of results) {
    if (result.status === 'ERROR') process.stderr.write(`${file === '-' ? 'stdin' : file}:${result.line}: ${result.error}\n`);
  }
  return failed > 0 ? 1 : 0;
}
