/** The `opd-desk` command line: the dashboard and `apply`. Started by ./main.ts. */
import { Command, CommanderError } from 'commander';
import { applyCommand } from './apply.js';
import { loadRoster } from './load-roster.js';
import { UsageError } from './usage-error.js';
import { runDashboard } from './dashboard.js';
import { simulateCommand, type SimulateOptions } from './simulate.js';

const USAGE_ERROR = 2;

function program(): Command {
  const cli = new Command('opd-desk')
    .description('Outpatient front desk: book, prioritise, displace, promote.')
    .option('--roster <file>', 'roster JSON file (default: Dr. Sharma, Dr. Reddy, Dr. Kapoor)')
    // Options after a subcommand belong to it: `apply x --roster r` is apply's roster.
    .enablePositionalOptions()
    .exitOverride()
    .action(async (options: { roster?: string }) => {
      // The roster is checked before anything is drawn: a bad file is a usage error (exit 2).
      process.exitCode = await runDashboard(loadRoster(options.roster));
    });

  cli
    .command('apply')
    .description('apply a JSON-lines command script to a fresh day')
    .argument('<file>', 'script file, or - for standard input')
    .option('--roster <file>', 'roster JSON file')
    .option('--json', 'print one JSON document: results, board and tokens')
    .exitOverride()
    .action((file: string, options: { roster?: string; json?: boolean }) => {
      process.exitCode = applyCommand(file, options);
    });
  cli
    .command('simulate')
    .description('play a seeded one-day simulation, or report it with --headless')
    .option('--seed <n>', 'the day to generate (default 7)')
    .option('--headless', 'no animation: print the end-of-day report')
    .option('--json', 'with --headless: the report as one JSON document')
    .option('--roster <file>', 'roster JSON file')
    .option('--model <file>', 'arrival model JSON file (any subset of the defaults)')
    .exitOverride()
    .action(async (options: SimulateOptions) => {
      process.exitCode = await simulateCommand(options);
    });
  return cli;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_ERROR;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`opd-desk: ${error.message}\n`);
      process.exitCode = USAGE_ERROR;
      return;
    }
    throw error;
  }
}

