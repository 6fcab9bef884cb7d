/**
 * The remote desk's keeper: the day is kept by an `opd-desk serve` server. Commands go over HTTP
 * with an Idempotency-Key (a command sent again after a failure carries the same key, so the
 * server never records it twice); the day here is rebuilt only from the server's event stream,
 * entry by entry in journal order, so nothing shows as done that the server has not confirmed.
 */
import { randomUUID } from 'node:crypto';
import { createDay, execute, type Command, type Day, type DayEvent, type Outcome, type Result, type Roster } from '../engine/index.js';
import { parseRoster } from '../schema/roster.js';
import type { AsyncDayKeeper, KeeperLink, ReplayMismatch } from './day-keeper.js';
import { readEvents, type StreamEvent } from './event-stream.js';
import { authHeaders, causeOf, errorOf, NotSentError, SILENCE_MS, unreachableWords } from './http.js';

export { NotSentError } from './http.js';

export interface RemoteOptions {
  /** The server's address, such as http://10.0.0.5:8080. */
  server: string;
  /** An API key with the desk (or admin) role; none for a loopback server without keys. */
  key?: string;
  /** The day (default: the server's). */
  date?: string;
  /** How long a command may take before it counts as not sent (ms). */
  timeoutMs?: number;
  /** How long to wait between attempts to reach the server again (ms). */
  retryMs?: number;
  /** For tests: the HTTP client. */
  fetch?: typeof fetch;
}

/** What `GET /api/v1/day` answers. */
export interface RemoteDay {
  date: string;
  today: boolean;
  roster: Roster;
  seq: number;
}

interface EntryData {
  seq: number;
  command: Command;
  result: Result;
}

const CONFIRM_WAIT_MS = 3000;
/** How many of the day's last commands fill the ticker of a desk that connects (as a desk on a file does). */
const RECENT_COMMANDS = 100;

export class RemoteKeeper implements AsyncDayKeeper {
  readonly async = true;
  day: Day;
  link: KeeperLink = { reachable: true, notice: null };
  readonly mismatches: ReplayMismatch[] = [];
  /** What the day's last commands did before this desk connected, for the ticker. */
  recentEvents: readonly DayEvent[] = [];
  private appliedSeq = 0;
  private readonly history: { seq: number; command: Command }[] = [];
  private ready: { seq: number; outcome: Outcome }[] = [];
  private inFlight = 0;
  private readonly listeners = new Set<() => void>();
  private readonly waiters = new Set<{ seq: number; resolve: () => void }>();
  private lastFailed: { body: string; key: string } | null = null;
  /** Why the event stream is down, and why the last command did not reach the server (null: fine). */
  private streamFailed: string | null = null;
  private commandFailed: string | null = null;
  private readonly stopping = new AbortController();
  private readonly http: typeof fetch;
  private readonly base: string;

  private constructor(
    private readonly options: RemoteOptions,
    readonly remote: RemoteDay,
  ) {
    this.day = createDay(remote.roster);
    this.http = options.fetch ?? fetch;
    this.base = options.server.replace(/\/+$/, '');
  }

  /** Reaches the server, takes the day's roster and replays the day from its event stream. */
  static async connect(options: RemoteOptions): Promise<RemoteKeeper> {
    const http = options.fetch ?? fetch;
    const base = options.server.replace(/\/+$/, '');
    const query = options.date === undefined ? '' : `?date=${encodeURIComponent(options.date)}`;
    let response: Response;
    try {
      response = await http(`${base}/api/v1/day${query}`, { headers: authHeaders(options.key), signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    } catch (error) {
      throw new NotSentError(unreachableWords(base, causeOf(error)));
    }
    if (!response.ok) throw new NotSentError(`the server at ${base} answered ${response.status}: ${await errorOf(response)}`);
    const keeper = new RemoteKeeper(options, checkedDay((await response.json()) as RemoteDay, base));
    keeper.follow();
    await keeper.confirmed(keeper.remote.seq, options.timeoutMs ?? 10_000);
    if (keeper.appliedSeq < keeper.remote.seq) {
      keeper.close();
      throw new NotSentError(`the server at ${base} did not send the day's ${keeper.remote.seq} entries`);
    }
    // The day so far is the desk's starting point, not news: its last commands fill the ticker.
    const replayed = keeper.ready.splice(0);
    keeper.recentEvents = replayed.slice(-RECENT_COMMANDS).flatMap(({ outcome }) => outcome.events);
    return keeper;
  }

  get date(): string {
    return this.remote.date;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What arrived since the last look; held while a command is on its way (its outcome goes with it). */
  sync(): Outcome[] {
    if (this.inFlight > 0) return [];
    return this.ready.splice(0).map((r) => r.outcome);
  }

  /** The server moves the clock of today's date itself. */
  followClock(): Outcome[] {
    return [];
  }

  async submit(command: Command): Promise<Outcome[]> {
    const body = JSON.stringify(command);
    // The same command sent again after a failure is the same request: the server answers it once.
    const key = this.lastFailed?.body === body ? this.lastFailed.key : randomUUID();
    this.lastFailed = { body, key };
    this.inFlight++;
    try {
      const answer = await this.post(body, key);
      this.lastFailed = null;
      if (answer.result.status === 'ERROR') return [...this.ready.splice(0).map((r) => r.outcome), this.refusal(command, answer.result)];
      await this.confirmed(answer.seq!, CONFIRM_WAIT_MS);
      const others = this.ready.filter((r) => r.seq < answer.seq!).map((r) => r.outcome);
      const mine = this.ready.find((r) => r.seq === answer.seq)?.outcome ?? { result: answer.result, events: [] };
      this.ready = this.ready.filter((r) => r.seq > answer.seq!);
      return [...others, mine];
    } finally {
      this.inFlight--;
      // Entries that arrived after this command's own were held for it: hand them over now.
      if (this.inFlight === 0 && this.ready.length > 0) this.notify();
    }
  }

  close(): void {
    this.stopping.abort();
  }

  private async post(body: string, key: string): Promise<{ result: Result; seq: number | null }> {
    const query = `?date=${encodeURIComponent(this.remote.date)}`;
    let response: Response;
    let answer: Record<string, unknown>;
    try {
      response = await this.http(`${this.base}/api/v1/commands${query}`, {
        method: 'POST',
        body,
        headers: { ...authHeaders(this.options.key), 'content-type': 'application/json', 'idempotency-key': key },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      answer = (await response.json()) as Record<string, unknown>;
    } catch (error) {
      this.commandFailed = causeOf(error);
      this.updateLink();
      throw new NotSentError(`server unreachable (${causeOf(error)}); Enter sends it again, never recorded twice`);
    }
    if (this.commandFailed !== null) {
      this.commandFailed = null; // it answered: reachable again as far as commands go
      this.updateLink();
    }
    if (response.status >= 500) throw new NotSentError(`the server could not record it (${String(answer.error)}); Enter sends it again`);
    if (!response.ok) return { result: { op: JSON.parse(body).op, status: 'ERROR', error: String(answer.error) } as Result, seq: null };
    const { seq, ...result } = answer;
    return { result: result as unknown as Result, seq: seq as number };
  }

  /** A refusal, with the command field it concerns as the engine says on the day as confirmed so far. */
  private refusal(command: Command, result: Result): Outcome {
    const scratch = createDay(this.remote.roster);
    for (const entry of this.history) execute(scratch, entry.command, { events: false, ref: { key: 'seq', value: entry.seq } });
    const field = execute(scratch, command).field;
    return field === undefined ? { result, events: [] } : { result, events: [], field };
  }

  /** Resolves once the entry `seq` is applied here, or after `ms`. */
  private confirmed(seq: number, ms: number): Promise<void> {
    if (this.appliedSeq >= seq) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { seq, resolve: () => (clearTimeout(timer), this.waiters.delete(waiter), resolve()) };
      const timer = setTimeout(waiter.resolve, ms);
      this.waiters.add(waiter);
    });
  }

  /** Follows the event stream for as long as the keeper lives, reconnecting with Last-Event-ID. */
  private follow(): void {
    const loop = async () => {
      while (!this.stopping.signal.aborted) {
        try {
          await this.readStream();
          this.streamDown('the server ended the event stream');
        } catch (error) {
          if (this.stopping.signal.aborted) return;
          this.streamDown(causeOf(error));
        }
        await new Promise((resolve) => setTimeout(resolve, this.options.retryMs ?? 1000));
      }
    };
    void loop();
  }

  private async readStream(): Promise<void> {
    const broken = new AbortController();
    const signal = AbortSignal.any([this.stopping.signal, broken.signal]);
    let silence = setTimeout(() => broken.abort(new Error('the event stream went silent')), SILENCE_MS);
    try {
      const query = `?date=${encodeURIComponent(this.remote.date)}`;
      const response = await this.http(`${this.base}/api/v1/events${query}`, {
        headers: { ...authHeaders(this.options.key), accept: 'text/event-stream', 'last-event-id': String(this.appliedSeq) },
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}: ${await errorOf(response)}`);
      // Connected: the server is reachable again, for commands too.
      this.streamFailed = null;
      this.commandFailed = null;
      this.updateLink();
      await readEvents(
        response.body,
        (event) => this.onEvent(event),
        () => {
          clearTimeout(silence);
          silence = setTimeout(() => broken.abort(new Error('the event stream went silent')), SILENCE_MS);
        },
      );
    } finally {
      clearTimeout(silence);
    }
  }

  private onEvent(event: StreamEvent): void {
    if (event.event !== 'entry') return;
    const entry = JSON.parse(event.data) as EntryData;
    if (entry.seq <= this.appliedSeq) return; // seen already
    if (entry.seq !== this.appliedSeq + 1) throw new Error(`the event stream skipped from ${this.appliedSeq} to ${entry.seq}`);
    const outcome = execute(this.day, entry.command, { ref: { key: 'seq', value: entry.seq } });
    if (JSON.stringify(outcome.result) !== JSON.stringify(entry.result))
      this.mismatches.push({ seq: entry.seq, recorded: entry.result, replayed: outcome.result });
    this.appliedSeq = entry.seq;
    this.history.push({ seq: entry.seq, command: entry.command });
    this.ready.push({ seq: entry.seq, outcome });
    for (const waiter of this.waiters) if (waiter.seq <= this.appliedSeq) waiter.resolve();
    this.notify();
  }

  private streamDown(cause: string): void {
    this.streamFailed = cause;
    this.updateLink();
  }

  /** Unreachable while the event stream is down or the last command could not reach the server. */
  private updateLink(): void {
    const cause = this.streamFailed ?? this.commandFailed;
    if ((cause === null) === this.link.reachable) return;
    const since = new Date().toTimeString().slice(0, 5);
    this.link =
      cause === null
        ? { reachable: true, notice: null }
        : { reachable: false, notice: `Server ${new URL(this.base).host} unreachable since ${since} (${cause}): retrying; the board shows what it confirmed.` };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The server's answer is checked as any roster file is, at the edge. */
function checkedDay(day: RemoteDay, base: string): RemoteDay {
  const roster = parseRoster(day.roster);
  if (!roster.ok) throw new NotSentError(`the server at ${base} sent a roster this desk cannot use: ${roster.error}`);
  if (typeof day.date !== 'string' || !Number.isSafeInteger(day.seq)) throw new NotSentError(`the server at ${base} did not answer a day`);
  return { date: day.date, today: day.today === true, roster: roster.roster, seq: day.seq };
}
