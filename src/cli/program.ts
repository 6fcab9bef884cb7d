/** The `opd-desk` command line: the dashboard, apply, simulate, log, export. Started by ./main.ts. */
import { Command, CommanderError } from 'commander';
import { JournalError } from '../journal/journal.js';
import { applyCommand, type ApplyOptions } from './apply.js';
import type { RemoteDeskOptions } from './remote-dashboard.js';
import { exportCommand, logCommand, verifyCommand } from './journal-commands.js';
import { collectGarbageEagerly } from './heap-mode.js';
import { terminalSafeLines } from '../text/terminal-safe.js';
import { VERSION } from './version.js';
import { loadRoster } from './load-roster.js';
import type { DayOptions } from './open-day.js';
import type { SimulateOptions } from './simulate.js';
import { reportCommand, type ReportOptions } from './report.js';
import { keysAdd, keysList, keysRevoke, serveCommand, type ServeOptions } from './serve.js';
import { UsageError } from './usage-error.js';
import { onPostgres, refusePostgres } from './data-address.js';

/** The PostgreSQL commands, loaded only when --data names PostgreSQL (the desk starts without pg). */
const pg = () => import('./postgres-commands.js');

/**
 * The screens (Ink, React and Yoga's WebAssembly), loaded only by the commands that draw:
 * `log`, `export`, `verify`, `apply` and `report` start without them, about 30 MB lighter.
 */
const screens = {
  dashboard: () => import('./dashboard.js'),
  remote: () => import('./remote-dashboard.js'),
  lobby: () => import('./lobby.js'),
  simulate: () => import('./simulate.js'),
};

/** Usage errors and journal problems (a bad file, another roster): nothing was done. */
const USAGE_ERROR = 2;

/** --data, --date and --desk, for every command that works on a journaled day. */
function withDay(command: Command, purpose: string): Command {
  return command
    .option('--data <file>', `journal file (${purpose})`)
    .option('--date <YYYY-MM-DD>', 'the day (default: today, local time)')
    .option('--desk <name>', 'who is entering commands (default: user@host)')
    .option('--replay-anyway', 'open a day whose journal replays differently from what it recorded');
}

function program(): Command {
  const cli = withDay(
    new Command('opd-desk')
      .description('Outpatient front desk: book, prioritise, displace, promote.')
      .option('--roster <file>', 'roster JSON file for a new day (default: Dr. Sharma, Dr. Reddy, Dr. Kapoor)')
      .option('--server <url>', 'work on a day kept by an opd-desk server (opd-desk serve) instead of a file')
      .option('--key <key>', 'the API key for --server (default: $OPD_DESK_KEY)'),
    'default: $XDG_DATA_HOME/opd-desk/opd-desk.db',
  )
    .version(VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(opd-desk --help lists the commands and options)')
    // Options after a subcommand belong to it: `apply x --roster r` is apply's roster.
    .enablePositionalOptions()
    .exitOverride()
    .action(async (options: DayOptions & { roster?: string; server?: string; key?: string }, command: Command) => {
      if (command.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(command.args[0])} (opd-desk --help lists the commands)`);
      if (options.server !== undefined) {
        process.exitCode = await (await screens.remote()).runRemoteDashboard(remoteOptions(options));
        return;
      }
      if (options.key !== undefined) throw new UsageError('--key goes with --server (the API key of an opd-desk server)');
      refusePostgres(options.data, 'the dashboard', 'on PostgreSQL, run `opd-desk serve --data postgres://…` and desks attached to it');
      // The roster is checked before anything is drawn: a bad file is a usage error (exit 2).
      const roster = options.roster === undefined ? undefined : loadRoster(options.roster);
      process.exitCode = await (await screens.dashboard()).runDashboard(roster, options);
    });

  withDay(
    cli
      .command('apply')
      .description('apply a JSON-lines command script to a day (a fresh one in memory unless --data)')
      .argument('<file>', 'script file, or - for standard input')
      .option('--roster <file>', 'roster JSON file')
      .option('--json', 'print one JSON document: results, board and tokens'),
    'default: none, the day is in memory',
  )
    .exitOverride()
    .action(async (file: string, options: ApplyOptions) => {
      process.exitCode = onPostgres(options.data) ? await (await pg()).pgApply(options.data, file, options) : await applyCommand(file, options);
    });

  withDay(
    cli
      .command('simulate')
      .description('play a seeded one-day simulation, or report it with --headless')
      .option('--seed <n>', 'the day to generate (default 7)')
      .option('--headless', 'no animation: print the end-of-day report')
      .option('--json', 'with --headless: the report as one JSON document')
      .option('--roster <file>', 'roster JSON file')
      .option('--model <file>', 'arrival model JSON file (any subset of the defaults)'),
    'default: none, the day is in memory',
  )
    .exitOverride()
    .action(async (options: SimulateOptions) => {
      refusePostgres(options.data, 'simulate', 'a simulation plays a day in memory or in a file');
      process.exitCode = await (await screens.simulate()).simulateCommand(options);
    });

  cli
    .command('log')
    .description("print a day's journal: every command, when, from which desk, and its result")
    .option('--data <file|url>', 'journal file or postgres://USER@HOST:PORT/DB (default: $XDG_DATA_HOME/opd-desk/opd-desk.db)')
    .option('--date <YYYY-MM-DD>', 'the day (default: today)')
    .option('--replay', 'replay the day alongside, marking each result this version replays differently')
    .exitOverride()
    .action(async (options: DayOptions & { replay?: boolean }) => {
      if (!options.replay) collectGarbageEagerly(); // it streams; --replay holds the day
      process.exitCode = onPostgres(options.data) ? await (await pg()).pgLog(options.data, options) : await logCommand(options);
    });

  cli
    .command('lobby')
    .description(
      "the lobby board for the waiting room's TV: per doctor the token in consultation, the next three, how many wait (token numbers only); follows the day's journal",
    )
    .option('--data <file>', 'journal file (default: $XDG_DATA_HOME/opd-desk/opd-desk.db)')
    .option('--date <YYYY-MM-DD>', 'the day (default: today)')
    .option('--server <url>', 'follow a day kept by an opd-desk server instead of a journal file')
    .option('--key <key>', 'a display (or desk) key for --server (default: $OPD_DESK_KEY)')
    .exitOverride()
    .action(async (options: DayOptions & { server?: string; key?: string }) => {
      if (options.server !== undefined) {
        if (options.data !== undefined) throw new UsageError('--data does not go with --server: the server keeps the day');
        const { server, key, date } = options;
        process.exitCode = await (await screens.lobby()).remoteLobbyCommand({ server, ...(key !== undefined && { key }), ...(date !== undefined && { date }) });
        return;
      }
      if (options.key !== undefined) throw new UsageError('--key goes with --server (the API key of an opd-desk server)');
      process.exitCode = await (await screens.lobby()).lobbyCommand(options);
    });

  cli
    .command('report')
    .description("print the end-of-day report of a recorded day (the simulation's report)")
    .option('--data <file|url>', 'journal file or postgres://USER@HOST:PORT/DB (default: $XDG_DATA_HOME/opd-desk/opd-desk.db)')
    .option('--date <YYYY-MM-DD>', 'the day (default: today)')
    .option('--json', 'the report as one JSON document')
    .option('--replay-anyway', 'report a day whose journal replays differently from what it recorded')
    .exitOverride()
    .action(async (options: ReportOptions) => {
      if (onPostgres(options.data)) process.exitCode = await (await pg()).pgReport(options.data, options);
      else {
        collectGarbageEagerly({ smallYoungGeneration: false }); // it holds the day's live tokens, and garbage beside them
        process.exitCode = reportCommand(options);
      }
    });

  cli
    .command('export')
    .description('write every token of a day with its status, doctor, slot, source and times')
    .option('--data <file|url>', 'journal file or postgres://USER@HOST:PORT/DB (default: $XDG_DATA_HOME/opd-desk/opd-desk.db)')
    .option('--date <YYYY-MM-DD>', 'the day (default: today)')
    .option('--format <csv|json>', 'csv or json (with --unserved, default csv)')
    .option('--unserved', "only the day's unserved patients, with phones, to call back")
    .option('--replay-anyway', 'export a day whose journal replays differently from what it recorded')
    .exitOverride()
    .action(async (options: DayOptions & { format?: string; unserved?: boolean }) => {
      collectGarbageEagerly(); // archive mode: it holds the day's live tokens only
      process.exitCode = onPostgres(options.data) ? await (await pg()).pgExport(options.data, options) : await exportCommand(options);
    });

  cli
    .command('verify')
    .description("check a journal's tamper evidence: every day, or --date D")
    .option('--data <file>', 'journal file (default: $XDG_DATA_HOME/opd-desk/opd-desk.db)')
    .option('--date <YYYY-MM-DD>', 'only this day (default: every day in the file)')
    .exitOverride()
    .action((options: DayOptions) => {
      refusePostgres(options.data, 'verify', "the hash chain is the file's; PostgreSQL keeps its own integrity");
      collectGarbageEagerly();
      process.exitCode = verifyCommand(options);
    });
  serverCommands(cli);
  cli.hook('preAction', applyRootOptions);
  // Set last, so subcommands keep refusing extra arguments: the root names an unknown command itself.
  return cli.allowExcessArguments(true);
}

/** The desk on a server: the day is the server's, so the options of a journal file do not apply. */
function remoteOptions(options: DayOptions & { roster?: string; server?: string; key?: string }): RemoteDeskOptions {
  const local = (['data', 'roster', 'desk', 'replayAnyway'] as const).find((name) => options[name] !== undefined);
  if (local) throw new UsageError(`--${local.replace('A', '-a')} does not go with --server: the server keeps the day`);
  return { server: options.server!, ...(options.key !== undefined && { key: options.key }), ...(options.date !== undefined && { date: options.date }) };
}

/**
 * `opd-desk --data x.db log`: options written before the command are that command's, never
 * silently dropped (the log would be of the default journal). An option the command does not
 * take, or one given twice with two values, is a usage error.
 */
function applyRootOptions(root: Command, action: Command): void {
  if (action === root) return;
  for (const [name, value] of Object.entries(root.opts())) {
    if (value === undefined) continue;
    const flag = root.options.find((option) => option.attributeName() === name)?.long ?? name;
    const own = action.options.find((option) => option.attributeName() === name);
    if (!own) throw new UsageError(`${flag} does not apply to ${action.name()} (opd-desk ${action.name()} --help lists its options)`);
    const given = action.getOptionValue(name) as unknown;
    if (given !== undefined && given !== value) throw new UsageError(`${flag} is given twice, before and after ${action.name()}: give it once`);
    action.setOptionValue(name, value);
  }
}

/** `serve` and `keys` (SPEC §6). */
function serverCommands(cli: Command): void {
  const data = '--data <file|url>';
  const dataHelp = 'journal file or postgres://USER@HOST:PORT/DB (default: $XDG_DATA_HOME/opd-desk/opd-desk.db)';
  cli
    .command('serve')
    .description('run the OPD server: the HTTP API, event streams and the waiting-room display')
    .option('--host <address>', 'address to listen on (default 127.0.0.1; another needs a key)')
    .option('--port <n>', 'port (default 8080)')
    .option(data, dataHelp)
    .option('--date <YYYY-MM-DD>', 'the day served without ?date= (default: today)')
    .option('--roster <file>', 'roster JSON file for days the server starts')
    .option('--log-level <level>', 'fatal, error, warn, info (default), debug')
    .exitOverride()
    .action(async (options: ServeOptions) => {
      process.exitCode = await serveCommand(options);
    });
  const keys = cli.command('keys').description("the server's API keys").exitOverride();
  keys
    .command('add')
    .argument('<name>')
    .requiredOption('--role <role>', 'desk, booking, display or admin')
    .option(data, dataHelp)
    .exitOverride()
    .action(async (name: string, options: { role: string; data?: string }) => {
      process.exitCode = onPostgres(options.data) ? await (await pg()).pgKeysAdd(options.data, name, options.role) : keysAdd(name, options);
    });
  keys
    .command('list')
    .option(data, dataHelp)
    .exitOverride()
    .action(async (options: { data?: string }) => {
      process.exitCode = onPostgres(options.data) ? await (await pg()).pgKeysList(options.data) : keysList(options);
    });
  keys
    .command('revoke')
    .argument('<name>')
    .option(data, dataHelp)
    .exitOverride()
    .action(async (name: string, options: { data?: string }) => {
      process.exitCode = onPostgres(options.data) ? await (await pg()).pgKeysRevoke(options.data, name) : keysRevoke(name, options);
    });
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
    if (error instanceof UsageError || error instanceof JournalError) {
      process.stderr.write(terminalSafeLines(`opd-desk: ${error.message}\n`));
      process.exitCode = USAGE_ERROR;
      return;
    }
    throw error;
  }
}
