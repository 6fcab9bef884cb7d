/**
 * The waiting room's view from a server's display feed (`/api/v1/display/events`), for a lobby
 * board on another machine. The feed holds token ids only, so a `display` key is enough (a desk
 * or admin key works too). It reconnects by itself; while the server is unreachable it keeps the
 * last view it had and says so.
 */
import { parseDisplayView, type DisplayFeedView } from '../schema/display.js';
import type { KeeperLink } from './day-keeper.js';
import { readEvents } from './event-stream.js';
import { authHeaders, causeOf, errorOf, NotSentError, SILENCE_MS, unreachableWords } from './http.js';

export interface DisplayFeedOptions {
  /** The server's address, such as http://10.0.0.5:8080. */
  server: string;
  /** An API key with the display, desk or admin role; none for a loopback server without keys. */
  key?: string;
  /** The day (default: the server's). */
  date?: string;
  /** How long to wait for the first view (ms). */
  timeoutMs?: number;
  /** How long to wait between attempts to reach the server again (ms). */
  retryMs?: number;
}

export class DisplayFeed {
  link: KeeperLink = { reachable: true, notice: null };
  /** Set by connect() before anyone reads it. */
  view!: DisplayFeedView;
  private readonly listeners = new Set<() => void>();
  private readonly stopping = new AbortController();
  private readonly base: string;

  private constructor(private readonly options: DisplayFeedOptions) {
    this.base = options.server.replace(/\/+$/, '');
  }

  /** Reaches the feed and waits for its first view; a server that cannot give one is a NotSentError. */
  static async connect(options: DisplayFeedOptions): Promise<DisplayFeed> {
    const feed = new DisplayFeed(options);
    await feed.follow();
    return feed;
  }

  get date(): string {
    return this.view.date;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stopping.abort();
  }

  /** Follows the feed for as long as it lives; resolves at the first view, rejects if the first attempt fails. */
  private follow(): Promise<void> {
    return new Promise((resolve, reject) => {
      let connected = false;
      const first = setTimeout(() => this.stopping.abort(new Error('no display view arrived in time')), this.options.timeoutMs ?? 10_000);
      const onView = () => {
        if (connected) return;
        connected = true;
        clearTimeout(first);
        resolve();
      };
      const loop = async () => {
        while (!this.stopping.signal.aborted || !connected) {
          let failure: unknown;
          try {
            await this.readStream(onView);
            failure = new Error('the server ended the display feed');
          } catch (error) {
            failure = this.stopping.signal.aborted && !connected ? this.stopping.signal.reason : error;
          }
          const cause = failure instanceof NotSentError ? failure.message : causeOf(failure);
          if (!connected) {
            clearTimeout(first);
            reject(failure instanceof NotSentError ? failure : new NotSentError(unreachableWords(this.base, cause)));
            return;
          }
          if (this.stopping.signal.aborted) return;
          this.down(cause);
          await new Promise((done) => setTimeout(done, this.options.retryMs ?? 1000));
        }
      };
      void loop();
    });
  }

  private async readStream(onView: () => void): Promise<void> {
    const broken = new AbortController();
    const signal = AbortSignal.any([this.stopping.signal, broken.signal]);
    let silence = setTimeout(() => broken.abort(new Error('the display feed went silent')), SILENCE_MS);
    try {
      const query = this.options.date === undefined ? '' : `?date=${encodeURIComponent(this.options.date)}`;
      const response = await fetch(`${this.base}/api/v1/display/events${query}`, {
        headers: { ...authHeaders(this.options.key), accept: 'text/event-stream' },
        signal,
      });
      if (!response.ok || !response.body) throw new NotSentError(`the server at ${this.base} answered ${response.status}: ${await errorOf(response)}`);
      await readEvents(
        response.body,
        (event) => {
          if (event.event !== 'display') return;
          const view = parseDisplayView(event.data);
          if (view === null) throw new Error('the server sent a display view this lobby cannot read');
          this.view = view;
          this.up();
          onView();
        },
        () => {
          clearTimeout(silence);
          silence = setTimeout(() => broken.abort(new Error('the display feed went silent')), SILENCE_MS);
        },
      );
    } finally {
      clearTimeout(silence);
      broken.abort(); // closes the connection when a bad view ended the reading
    }
  }

  private up(): void {
    if (!this.link.reachable) this.link = { reachable: true, notice: null };
    this.notify();
  }

  private down(cause: string): void {
    if (!this.link.reachable) return;
    const since = new Date().toTimeString().slice(0, 5);
    this.link = {
      reachable: false,
      notice: `Server ${new URL(this.base).host} unreachable since ${since} (${cause}): retrying; the board shows ${this.view.clock}.`,
    };
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
