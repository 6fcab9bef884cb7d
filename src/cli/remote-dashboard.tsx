/**
 * `opd-desk --server URL --key KEY`: the same dashboard on a day kept by an `opd-desk serve`
 * server. Commands go over HTTP (../keeper/remote-keeper.ts); the board follows the server's
 * event stream, so another desk's command shows as soon as it arrives.
 */
import { render } from 'ink';
import { RemoteKeeper, NotSentError } from '../keeper/remote-keeper.js';
import { textBoard } from '../script/text-report.js';
import { createDeskStore } from '../store/desk-store.js';
import { terminalSafeLines } from '../text/terminal-safe.js';
import { App } from '../ui/App.js';
import { DeskProvider } from '../ui/desk-context.js';
import { FRAME_RATE, titlesOf } from './dashboard.js';
import { enterAlternateScreen, restoreOnCrash } from './terminal-screen.js';
import { UsageError } from './usage-error.js';

export interface RemoteDeskOptions {
  server: string;
  /** The API key; else $OPD_DESK_KEY (kept out of the process list); none for a server without keys. */
  key?: string;
  date?: string;
}

/** Checks the address before anything is drawn: a bad one is a usage error. */
export function serverAddress(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server ${JSON.stringify(server)} is not an address such as http://10.0.0.5:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--server must be an http:// or https:// address, not ${url.protocol}`);
  return url.href.replace(/\/+$/, '');
}

/**
 * Reaches a server with the options' address (checked), key (else $OPD_DESK_KEY) and date, for
 * the desk or the lobby; a server that cannot be used is a usage error.
 */
export async function reachServer<T>(
  options: RemoteDeskOptions,
  connect: (remote: { server: string; key?: string; date?: string }) => Promise<T>,
): Promise<{ connected: T; server: string }> {
  const server = serverAddress(options.server);
  const key = options.key ?? (process.env.OPD_DESK_KEY || undefined);
  try {
    const connected = await connect({ server, ...(key !== undefined && { key }), ...(options.date !== undefined && { date: options.date }) });
    return { connected, server };
  } catch (error) {
    if (error instanceof NotSentError) throw new UsageError(error.message);
    throw error;
  }
}

/** Connects to the server's day as a desk. */
export async function connectRemote(options: RemoteDeskOptions): Promise<{ keeper: RemoteKeeper; server: string }> {
  const { connected: keeper, server } = await reachServer(options, (remote) => RemoteKeeper.connect(remote));
  return { keeper, server };
}

export async function runRemoteDashboard(options: RemoteDeskOptions): Promise<number> {
  const { keeper, server } = await connectRemote(options);
  try {
    const store = createDeskStore(keeper);
    if (!process.stdout.isTTY || !process.stdin.isTTY) {
      process.stdout.write(terminalSafeLines(`${textBoard(store.getState().day)}\n`));
      process.stderr.write('opd-desk: the dashboard needs a terminal; printed the board instead.\n');
      return 0;
    }
    const screen = enterAlternateScreen(process.stdout);
    const stopGuard = restoreOnCrash(screen, `Everything the server confirmed is kept on ${server}.`);
    try {
      const [title, ...shortTitles] = titlesOf(keeper.date, keeper.remote.today);
      const instance = render(
        <DeskProvider store={store}>
          <App
            title={`${title} · ${new URL(server).host}`}
            shortTitles={[title, ...shortTitles]}
            quitWarning={`Everything the server confirmed is kept on ${server}; this desk picks the day up again on start.`}
            liveClock={keeper.remote.today}
          />
        </DeskProvider>,
        { exitOnCtrlC: false, incrementalRendering: false, maxFps: FRAME_RATE },
      );
      await instance.waitUntilExit();
    } finally {
      screen.restore();
      stopGuard();
    }
    return 0;
  } finally {
    keeper.close();
  }
}
