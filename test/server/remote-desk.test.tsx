/**
 * Remote desks against a real `opd-desk serve` process (the built dist): two dashboards in fake
 * terminals sharing a day through the server, the server going away and coming back, and the
 * `--server` command line.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RemoteKeeper } from '../../src/keeper/remote-keeper.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { App } from '../../src/ui/App.js';
import { DeskProvider } from '../../src/ui/desk-context.js';
import { FeedLobbyBoard } from '../../src/ui/LobbyBoard.js';
import { DisplayFeed } from '../../src/keeper/display-feed.js';
import { KEYS, renderAt, type Terminal } from '../support/terminal.js';
import { dataFile } from './support.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const DATE = '2026-03-02';

interface Running {
  child: ChildProcess;
  base: string;
}

async function serve(file: string, port = 0): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--data', file, '--date', DATE], { stdio: ['ignore', 'pipe', 'pipe'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
    if (match) return { child, base: match[1]! };
  }
  throw new Error('the server exited before listening');
}

async function stop(server: Running): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** A loopback port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const running: Running[] = [];
const open: { keeper: { close(): void }; terminal: Terminal }[] = [];

async function remoteDesk(base: string): Promise<Terminal> {
  const keeper = await RemoteKeeper.connect({ server: base, retryMs: 100 });
  const terminal = renderAt(
    <DeskProvider store={createDeskStore(keeper)}>
      <App title="OPD desk · remote" quitWarning="Kept on the server." />
    </DeskProvider>,
    120,
    40,
    { inAct: false },
  );
  open.push({ keeper, terminal });
  return terminal;
}

/** Types a walk-in booking with Dr. Sharma: name, then Enter through phone, doctor, source and slot. */
async function book(desk: Terminal, name: string): Promise<void> {
  await desk.press('b', (frame) => frame.includes('Book a patient'));
  await desk.press(name);
  for (let i = 0; i < 5; i++) await desk.press(KEYS.enter);
}

async function tokens(base: string): Promise<string[]> {
  const answer = (await (await fetch(`${base}/api/v1/tokens?date=${DATE}`)).json()) as { tokens: { token: string; patient: string }[] };
  return answer.tokens.map((t) => `${t.token} ${t.patient}`);
}

// A remote desk's frames change when the server's answers and events arrive, not inside act().
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeAll(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
});
afterAll(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(async () => {
  for (const { keeper, terminal } of open.splice(0)) {
    terminal.unmount();
    keeper.close();
  }
  for (const server of running.splice(0)) await stop(server);
});

describe('remote desks on one server', () => {
  it("two desks see each other's bookings, typed at the keyboard", async () => {
    const server = await serve(dataFile());
    running.push(server);
    const a = await remoteDesk(server.base);
    const b = await remoteDesk(server.base);
    await book(a, 'Asha Rao');
    await a.waitFor((frame) => frame.includes('SHR-001 Asha Rao WALK_IN → 09:00-10:00'));
    await b.waitFor((frame) => frame.includes('SHR-001 Asha Rao'));
    await book(b, 'Ravi Kumar');
    await a.waitFor((frame) => frame.includes('SHR-002 Ravi Kumar'));
    expect(await tokens(server.base)).toEqual(['SHR-001 Asha Rao', 'SHR-002 Ravi Kumar']);
  });

  it("a desk that connects later starts with the day's last commands in its ticker, as a desk on a file does", async () => {
    const server = await serve(dataFile());
    running.push(server);
    await post(server.base, '/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', slot: '09:00' });
    await post(server.base, '/api/v1/commands', { op: 'check-in', token: 'SHR-001' });
    const desk = await remoteDesk(server.base);
    const frame = await desk.waitFor((f) => f.includes('SHR-001 Asha Rao checked in'));
    expect(frame).toContain('SHR-001 Asha Rao booked into 09:00-10:00');
  });

  it('the server gone: the status bar says so and the form keeps what was typed; back again, Enter books it once', async () => {
    const file = dataFile();
    const first = await serve(file);
    running.push(first);
    const port = Number(new URL(first.base).port);
    const a = await remoteDesk(first.base);
    const b = await remoteDesk(first.base);
    await book(a, 'Asha Rao');
    await b.waitFor((frame) => frame.includes('SHR-001 Asha Rao'));

    await stop(first);
    await b.waitFor((frame) => /Server 127\.0\.0\.1:\d+ unreachable since \d\d:\d\d \(.+\): retrying/.test(frame));
    await book(a, 'Ravi Kumar');
    const frame = await a.waitFor((f) => f.includes('not saved: server unreachable'));
    expect(frame).toContain('Book a patient');
    expect(frame).toContain('Ravi Kumar');
    expect(frame).not.toContain('SHR-002');

    const second = await serve(file, port);
    running.push(second);
    await a.waitFor((f) => !f.includes('unreachable since'));
    await a.press(KEYS.enter); // the form waits on its last field: Enter sends the same booking again
    // The form closes on the server's answer, the board showing the booking.
    await a.waitFor((f) => f.includes('SHR-002 Ravi Kumar WALK_IN → 09:00-10:00') && !f.includes('Book a patient'));
    await b.waitFor((f) => f.includes('SHR-002 Ravi Kumar') && !f.includes('unreachable since'));
    expect(await tokens(second.base)).toEqual(['SHR-001 Asha Rao', 'SHR-002 Ravi Kumar']);
  });
});

describe('opd-desk --server', () => {
  it('prints the server’s board when not on a terminal', async () => {
    const server = await serve(dataFile());
    running.push(server);
    await fetch(`${server.base}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"doctor":"sharma","patient":"Asha Rao"}',
    });
    const run = spawnSync(process.execPath, [CLI, '--server', server.base], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/SHR-001 +Asha Rao/);
    expect(run.stderr).toContain('the dashboard needs a terminal');
  });

  it('refuses a bad address, options of a local file, and a server it cannot reach (exit 2, nothing drawn)', async () => {
    const free = await freePort();
    const cases: [string[], RegExp][] = [
      [['--server', 'not a url'], /--server "not a url" is not an address such as http:\/\/10\.0\.0\.5:8080/],
      [['--server', 'ftp://host'], /--server must be an http:\/\/ or https:\/\/ address/],
      [['--server', 'http://127.0.0.1:9', '--data', 'x.db'], /--data does not go with --server: the server keeps the day/],
      [['--key', 'abc'], /--key goes with --server/],
      [['--server', `http://127.0.0.1:${free}`], new RegExp(`cannot reach the server at http://127\\.0\\.0\\.1:${free} \\(ECONNREFUSED\\)`)],
      [['--server', 'http://127.0.0.1:6000'], /port 6000 is one that fetch refuses \(bad port\): run the server on another/],
    ];
    for (const [args, message] of cases) {
      const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stdout).toBe('');
    }
  });
});

async function post(base: string, path: string, body: object): Promise<void> {
  const answer = await fetch(`${base}${path}?date=${DATE}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(answer.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(300);
}

/** The lobby board on a server's display feed, in a fake 120x40 terminal. */
async function remoteLobby(base: string, key?: string): Promise<Terminal> {
  const feed = await DisplayFeed.connect({ server: base, retryMs: 100, ...(key !== undefined && { key }) });
  const terminal = renderAt(<FeedLobbyBoard title="Waiting room" feed={feed} />, 120, 40, { inAct: false });
  open.push({ keeper: feed, terminal });
  return terminal;
}

const addKey = (file: string, role: string) =>
  spawnSync(process.execPath, [CLI, 'keys', 'add', `${role}-1`, '--role', role, '--data', file], { encoding: 'utf8' }).stdout.trim();

describe('the lobby board on a server', () => {
  it('follows the server: a patient called through the API shows as the one in consultation, names never', async () => {
    const server = await serve(dataFile());
    running.push(server);
    const terminal = await remoteLobby(server.base);
    await terminal.waitFor((frame) => frame.includes('Waiting room'));
    await post(server.base, '/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', slot: '09:00' });
    await post(server.base, '/api/v1/bookings', { doctor: 'sharma', patient: 'Kiran Shah', slot: '09:00' });
    await post(server.base, '/api/v1/commands', { op: 'check-in', token: 'SHR-001' });
    await post(server.base, '/api/v1/commands', { op: 'check-in', token: 'SHR-002' });
    await post(server.base, '/api/v1/commands', { op: 'clock', time: '09:00' });
    await post(server.base, '/api/v1/commands', { op: 'call', doctor: 'sharma' });
    const frame = await terminal.waitFor((f) => f.includes('Now seeing SHR-001') && f.includes('SHR-002'));
    expect(frame).not.toContain('Asha Rao');
    expect(frame).not.toContain('Kiran Shah');
  });

  it('needs no more than a display key; a booking key is refused by name (exit 2)', async () => {
    const file = dataFile();
    const display = addKey(file, 'display');
    const booking = addKey(file, 'booking');
    const server = await serve(file);
    running.push(server);
    await fetch(`${server.base}/api/v1/bookings?date=${DATE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${booking}` },
      body: '{"doctor":"sharma","patient":"Asha Rao","slot":"09:00"}',
    });
    const run = spawnSync(process.execPath, [CLI, 'lobby', '--server', server.base, '--key', display], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Dr. Sharma: now — · next — · 0 waiting');
    const refused = spawnSync(process.execPath, [CLI, 'lobby', '--server', server.base, '--key', booking], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/the server at http:\/\/127\.0\.0\.1:\d+ answered 403/);
  });

  it('the server gone: the board stays and says it cannot reach the server; back again, it follows once more', async () => {
    const file = dataFile();
    const first = await serve(file);
    running.push(first);
    const port = Number(new URL(first.base).port);
    await post(first.base, '/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', slot: '09:00' });
    await post(first.base, '/api/v1/commands', { op: 'check-in', token: 'SHR-001' });
    const lobby = await remoteLobby(first.base);
    await lobby.waitFor((frame) => frame.includes('SHR-001'));
    await stop(first);
    const frame = await lobby.waitFor((f) => /Server 127\.0\.0\.1:\d+ unreachable since \d\d:\d\d \(.+\): retrying; the board shows \d\d:\d\d/.test(f));
    expect(frame).toContain('SHR-001');
    const second = await serve(file, port);
    running.push(second);
    await lobby.waitFor((f) => !f.includes('unreachable since'));
    await post(second.base, '/api/v1/commands', { op: 'clock', time: '09:00' });
    await post(second.base, '/api/v1/commands', { op: 'call', doctor: 'sharma' });
    await lobby.waitFor((f) => f.includes('Now seeing SHR-001'));
  });

  it('opd-desk lobby --server prints the board when not on a terminal, and refuses --data with --server', async () => {
    const server = await serve(dataFile());
    running.push(server);
    await post(server.base, '/api/v1/bookings', { doctor: 'sharma', patient: 'Asha Rao', slot: '09:00' });
    await post(server.base, '/api/v1/commands', { op: 'check-in', token: 'SHR-001' });
    await post(server.base, '/api/v1/commands', { op: 'clock', time: '09:00' });
    await post(server.base, '/api/v1/commands', { op: 'call', doctor: 'sharma' });
    const run = spawnSync(process.execPath, [CLI, 'lobby', '--server', server.base], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('now SHR-001');
    expect(run.stdout).not.toContain('Asha Rao');
    const refused = spawnSync(process.execPath, [CLI, 'lobby', '--server', server.base, '--data', 'x.db'], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--data does not go with --server');
  });
});
