/**
 * Hears of commits through LISTEN/NOTIFY on a dedicated connection, with a slow poll as a safety
 * net (a notification sent while the connection was down is lost). When the connection drops it
 * reconnects by itself, backing off, and polls at once on reconnecting.
 */
import pg from 'pg';
import type { DaySubscription } from '../async-journal.js';

/** The channel every journal commit is announced on, with the payload "DATE SEQ". */
export const CHANNEL = 'opd_desk_journal';
/** The channel a change to the API keys is announced on (no payload). */
export const KEYS_CHANNEL = 'opd_desk_keys';

export interface ListenerOptions {
  /** The safety-net poll's period. */
  pollMs: number;
  /** The first reconnection delay; it doubles up to `maxReconnectMs`. */
  reconnectMs: number;
  maxReconnectMs: number;
}

export class ChangeListener {
  private readonly subscriptions = new Set<DaySubscription>();
  /** Called when the keys change, and on every (re)connection (a change may have been missed). */
  private readonly keyWatchers = new Set<() => void>();
  private readonly dead = new WeakSet<pg.Client>();
  private client: pg.Client | undefined;
  private started: Promise<void> | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private delay: number;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    /** The last seq of each date asked about (dates with no entries may be left out). */
    private readonly lastSeqs: (dates: string[]) => Promise<Map<string, number>>,
    private readonly options: ListenerOptions,
  ) {
    this.delay = options.reconnectMs;
  }

  /** Starts listening (once); resolves after the first attempt, connected or not. */
  start(): Promise<void> {
    if (this.started === undefined) {
      this.started = this.connect();
      this.pollTimer = setInterval(() => void this.poll(), this.options.pollMs);
      this.pollTimer.unref();
    }
    return this.started;
  }

  /** True while the LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  add(subscription: DaySubscription): void {
    this.subscriptions.add(subscription);
  }

  remove(subscription: DaySubscription): void {
    this.subscriptions.delete(subscription);
  }

  /** Calls `changed` whenever the API keys may have changed; returns the function that stops it. */
  watchKeys(changed: () => void): () => void {
    this.keyWatchers.add(changed);
    return () => this.keyWatchers.delete(changed);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    this.subscriptions.clear();
    this.keyWatchers.clear();
    const client = this.client;
    this.client = undefined;
    if (client) {
      this.dead.add(client);
      await client.end().catch(() => undefined);
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.config);
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => (message.channel === KEYS_CHANNEL ? this.keysChanged() : this.deliver(message.payload)));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}; LISTEN ${KEYS_CHANNEL}`);
      if (this.dead.has(client) || this.closed) return;
      this.client = client;
      this.delay = this.options.reconnectMs;
      this.keysChanged(); // whatever changed while nobody listened
      await this.poll(); // whatever was committed while nobody listened
    } catch {
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    if (this.dead.has(client)) return;
    this.dead.add(client);
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.reconnectTimer = setTimeout(() => void this.connect(), this.delay);
    this.reconnectTimer.unref();
    this.delay = Math.min(this.delay * 2, this.options.maxReconnectMs);
  }

  private keysChanged(): void {
    for (const changed of this.keyWatchers) changed();
  }

  private deliver(payload: string | undefined): void {
    const space = payload?.lastIndexOf(' ') ?? -1;
    if (payload === undefined || space < 0) return;
    const date = payload.slice(0, space);
    const seq = Number(payload.slice(space + 1));
    if (!Number.isInteger(seq)) return;
    for (const subscription of this.subscriptions) if (subscription.date === date) subscription.offer(seq);
  }

  private async poll(): Promise<void> {
    if (this.subscriptions.size === 0 || this.closed) return;
    try {
      const seqs = await this.lastSeqs([...new Set([...this.subscriptions].map((s) => s.date))]);
      for (const subscription of this.subscriptions) {
        const seq = seqs.get(subscription.date);
        if (seq !== undefined) subscription.offer(seq);
      }
    } catch {
      // The database is away: the next poll, or the reconnection, tries again.
    }
  }
}
