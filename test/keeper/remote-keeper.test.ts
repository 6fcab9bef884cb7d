/** The remote desk's keeper against a real server on loopback (in this process). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultRoster, snapshot, type Command } from '../../src/engine/index.js';
import { NotSentError, RemoteKeeper, type RemoteOptions } from '../../src/keeper/remote-keeper.js';
import { EventParser } from '../../src/keeper/event-stream.js';
import { createDeskStore, type DeskStore } from '../../src/store/desk-store.js';
import { DATE, dataFile, testServer, type TestServer } from '../server/support.js';

const book = (patient: string, extra: Partial<Command> = {}): Command => ({ op: 'book', doctor: 'sharma', slot: '9-10', patient, ...extra }) as Command;

let server: TestServer;
let base: string;
const keepers: RemoteKeeper[] = [];

async function start(file = dataFile(), port = 0): Promise<void> {
  server = await testServer(defaultRoster(), file);
  base = await server.app.listen({ host: '127.0.0.1', port });
}

async function desk(options: Partial<RemoteOptions> = {}): Promise<{ keeper: RemoteKeeper; store: DeskStore }> {
  const keeper = await RemoteKeeper.connect({ server: base, retryMs: 50, ...options });
  keepers.push(keeper);
  return { keeper, store: createDeskStore(keeper) };
}

const tokensOf = (store: DeskStore) => store.getState().day.tokens.map((t) => `${t.id} ${t.patient}`);

beforeEach(() => start());
afterEach(async () => {
  for (const keeper of keepers.splice(0)) keeper.close();
  await server.close();
});

describe('RemoteKeeper', () => {
  it("rebuilds the day from the server's journal, the same as the server's", async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await server.hub.submit(DATE, book(name));
    await server.hub.submit(DATE, { op: 'cancel', token: 'SHR-002' });
    const { keeper } = await desk();
    expect(snapshot(keeper.day)).toEqual(server.state());
    expect(keeper.mismatches).toEqual([]);
  });

  it("two remote desks see each other's bookings, through the event stream", async () => {
    const a = await desk();
    const b = await desk();
    const sent = await a.store.getState().send(book('Asha Rao'));
    expect(sent.result).toMatchObject({ status: 'ALLOCATED', token: 'SHR-001' });
    await vi.waitFor(() => expect(tokensOf(b.store)).toEqual(['SHR-001 Asha Rao']));
    await b.store.getState().send(book('Ravi Kumar'));
    await vi.waitFor(() => expect(tokensOf(a.store)).toEqual(['SHR-001 Asha Rao', 'SHR-002 Ravi Kumar']));
    // Another desk's booking is in the ticker as from elsewhere; the desk's own is not.
    await vi.waitFor(() => expect(a.store.getState().ticker).toHaveLength(2));
    expect(a.store.getState().ticker.map((line) => [line.text.includes('Ravi'), line.elsewhere ?? false])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('nothing shows as done before the server confirms it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: typeof fetch = async (input, init) => {
      if (init?.method === 'POST') await held;
      return fetch(input, init);
    };
    const { store } = await desk({ fetch: slow });
    const sending = store.getState().send(book('Asha Rao'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tokensOf(store)).toEqual([]);
    expect(store.getState().last?.text).toMatch(/Sending book to the server/);
    release();
    expect((await sending).result.status).toBe('ALLOCATED');
    expect(tokensOf(store)).toEqual(['SHR-001 Asha Rao']);
  });

  it("another desk's command that lands while this desk's answer is on its way is published after it", async () => {
    let letAnswerThrough!: () => void;
    const answerHeld = new Promise<void>((resolve) => (letAnswerThrough = resolve));
    const late: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST') await answerHeld;
      return response;
    };
    const { keeper, store } = await desk({ fetch: late });
    const sending = store.getState().send(book('Asha Rao'));
    await vi.waitFor(() => expect(server.hub.session(DATE).appliedSeq).toBe(1));
    await server.hub.submit(DATE, book('Other Desk'));
    await vi.waitFor(() => expect(keeper.day.tokens).toHaveLength(2));
    letAnswerThrough();
    expect((await sending).result).toMatchObject({ token: 'SHR-001' });
    await vi.waitFor(() =>
      expect(store.getState().ticker.map((line) => [line.text.includes('Other Desk'), line.elsewhere ?? false])).toEqual([
        [false, false],
        [true, true],
      ]),
    );
    expect(store.getState().version).toBe(keeper.day.version);
  });

  it('an answer lost on the way: the status says not saved, and sending the same again books once (same Idempotency-Key)', async () => {
    const keys: string[] = [];
    let loseNext = true;
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method !== 'POST') return response;
      keys.push(new Headers(init.headers).get('idempotency-key')!);
      if (!loseNext) return response;
      loseNext = false;
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    };
    const { store } = await desk({ fetch: lossy });
    const first = await store.getState().send(book('Asha Rao', { phone: '9845012345' }));
    expect(first).toMatchObject({ result: { status: 'ERROR', error: expect.stringMatching(/not saved: server unreachable \(ECONNRESET\)/) }, retry: true });
    // The stream is up, but the command did not get through: the status bar says so until one does.
    await vi.waitFor(() => expect(store.getState().link).toMatch(/unreachable since .*\(ECONNRESET\)/));
    const again = await store.getState().send(book('Asha Rao', { phone: '9845012345' }));
    await vi.waitFor(() => expect(store.getState().link).toBeNull());
    expect(again.result).toMatchObject({ status: 'ALLOCATED', token: 'SHR-001' });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(server.hub.session(DATE).day.tokens).toHaveLength(1);
    await vi.waitFor(() => expect(tokensOf(store)).toEqual(['SHR-001 Asha Rao']));
    // Another command after a success gets a key of its own.
    await store.getState().send(book('Ravi Kumar'));
    expect(new Set(keys).size).toBe(2);
  });

  it("a rule's refusal is an ERROR with the field it concerns; nothing changes", async () => {
    const { store } = await desk();
    await store.getState().send(book('Asha Rao', { phone: '9845012345' }));
    const refused = await store.getState().send(book('Asha Rao', { phone: '98450 12345' }));
    expect(refused).toMatchObject({ result: { status: 'ERROR' }, field: 'phone' });
    expect(refused.retry).toBeUndefined();
    expect(server.hub.session(DATE).day.tokens).toHaveLength(1);
  });

  it('the server gone: the status bar says so, a command is not saved; back again: the board catches up, missing and repeating nothing', async () => {
    const file = server.file;
    const port = Number(new URL(base).port);
    const { keeper, store } = await desk();
    await store.getState().send(book('Asha Rao'));
    await server.close();
    await vi.waitFor(() => expect(store.getState().link).toMatch(/^Server 127\.0\.0\.1:\d+ unreachable since \d\d:\d\d \(.+\): retrying/));
    const lost = await store.getState().send(book('Ravi Kumar'));
    expect(lost).toMatchObject({ result: { status: 'ERROR' }, retry: true });
    expect(tokensOf(store)).toEqual(['SHR-001 Asha Rao']);
    await start(file, port);
    await server.hub.submit(DATE, book('Booked While Away'));
    await vi.waitFor(() => expect(store.getState().link).toBeNull());
    await vi.waitFor(() => expect(tokensOf(store)).toEqual(['SHR-001 Asha Rao', 'SHR-002 Booked While Away']));
    expect((await store.getState().send(book('Ravi Kumar'))).result).toMatchObject({ token: 'SHR-003' });
    await vi.waitFor(() => expect(snapshot(keeper.day)).toEqual(server.state()));
  });

  it('a server that cannot be reached at the start is a clear error', async () => {
    await server.close();
    const connecting = RemoteKeeper.connect({ server: base, timeoutMs: 2000 });
    await expect(connecting).rejects.toThrow(NotSentError);
    await expect(connecting).rejects.toThrow(/^cannot reach the server at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/);
    await start();
  });

  it('a local-only store action is refused with a message on a remote keeper', async () => {
    const { store } = await desk();
    expect(() => store.getState().dispatch(book('A'))).toThrow(/settled on a server: send them with send\(\)/);
  });
});

describe('EventParser', () => {
  it('joins events split across chunks, keeps id and event, skips heartbeats', () => {
    const parser = new EventParser();
    expect(parser.push('retry: 1000\n\n: heartbeat\n\nid: 1\nevent: en')).toEqual([]);
    expect(parser.push('try\ndata: {"a":1}\r\n\r\nid: 2\ndata: x\ndata: y\n\n')).toEqual([
      { id: '1', event: 'entry', data: '{"a":1}' },
      { id: '2', event: 'message', data: 'x\ny' },
    ]);
  });
});
