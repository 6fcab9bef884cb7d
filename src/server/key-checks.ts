/**
 * Key checks kept for a moment, so a server on PostgreSQL does not ask the database whether any
 * key exists, and whose a key is, on every request. An answer is used only while `trusted()`
 * (the server is listening for key changes: a key added or revoked through opd-desk, by any
 * server or `opd-desk keys`, is announced when it commits and calls `forget`), and for at most
 * `freshMs` (a change made by hand in SQL, which announces nothing). An answer read while a
 * change was announced is not kept.
 */

export interface KeyChecksOptions {
  /** True while key changes are heard of (the LISTEN connection is up). */
  trusted: () => boolean;
  /** How long an answer is used at most (ms). */
  freshMs?: number;
  /** The most answers kept (unknown keys included); past it they are all dropped. */
  maxKept?: number;
  now?: () => number;
}

export const KEY_CHECKS_FRESH_MS = 2000;

export class KeyChecks<Caller> {
  /** Once a key was ever seen, every request needs one (revoked keys count too). */
  private keysSeen = false;
  private noKeysUntil = -Infinity;
  private readonly callers = new Map<string, { caller: Caller | undefined; until: number }>();
  /** Counts the changes heard of: an answer read across one is not kept. */
  private generation = 0;

  constructor(private readonly options: KeyChecksOptions) {}

  async hasKeys(ask: () => Promise<boolean>): Promise<boolean> {
    if (this.keysSeen) return true;
    if (this.now() < this.noKeysUntil && this.options.trusted()) return false;
    const generation = this.generation;
    const at = this.now();
    const any = await ask();
    if (any) this.keysSeen = true;
    else if (generation === this.generation) this.noKeysUntil = at + this.freshMs;
    return any;
  }

  /** The caller of the key with this hash (undefined: unknown or revoked), asked only when not kept. */
  async caller(hash: string, ask: () => Promise<Caller | undefined>): Promise<Caller | undefined> {
    const kept = this.callers.get(hash);
    if (kept !== undefined && this.now() < kept.until && this.options.trusted()) return kept.caller;
    const generation = this.generation;
    const at = this.now();
    const caller = await ask();
    if (generation === this.generation) {
      if (this.callers.size >= (this.options.maxKept ?? 1000)) this.callers.clear();
      this.callers.set(hash, { caller, until: at + this.freshMs });
    }
    return caller;
  }

  /** The keys changed (or may have): nothing kept is used again. */
  forget(): void {
    this.generation += 1;
    this.noKeysUntil = -Infinity;
    this.callers.clear();
  }

  private get freshMs(): number {
    return this.options.freshMs ?? KEY_CHECKS_FRESH_MS;
  }

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }
}
