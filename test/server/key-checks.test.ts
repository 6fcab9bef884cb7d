/** KeyChecks: key checks answered from memory only while key changes are heard of, and only for a moment. */
import { describe, expect, it } from 'vitest';
import { KeyChecks } from '../../src/server/key-checks.js';

function setup(maxKept?: number) {
  const clock = { now: 0, trusted: true };
  const checks = new KeyChecks<string>({ trusted: () => clock.trusted, now: () => clock.now, freshMs: 1000, ...(maxKept && { maxKept }) });
  const asked: string[] = [];
  const callerOf = (hash: string, answer: string | undefined) => checks.caller(hash, async () => (asked.push(hash), answer));
  return { clock, checks, asked, callerOf };
}

describe('key checks kept in memory', () => {
  it('answers a key asked again from memory while trusted and fresh, unknown keys included', async () => {
    const { asked, callerOf } = setup();
    expect(await callerOf('h1', 'desk-1')).toBe('desk-1');
    expect(await callerOf('h1', 'changed')).toBe('desk-1');
    expect(await callerOf('h2', undefined)).toBeUndefined();
    expect(await callerOf('h2', 'added')).toBeUndefined();
    expect(asked).toEqual(['h1', 'h2']);
  });

  it('asks the database again once the answer is older than freshMs (a change made by hand in SQL)', async () => {
    const { clock, asked, callerOf } = setup();
    await callerOf('h1', 'desk-1');
    clock.now = 999;
    expect(await callerOf('h1', 'revoked')).toBe('desk-1');
    clock.now = 1000;
    expect(await callerOf('h1', undefined)).toBeUndefined();
    expect(asked).toEqual(['h1', 'h1']);
  });

  it('asks every time while key changes are not heard of (the listener is down)', async () => {
    const { clock, asked, callerOf } = setup();
    clock.trusted = false;
    await callerOf('h1', 'desk-1');
    expect(await callerOf('h1', undefined)).toBeUndefined();
    expect(asked).toEqual(['h1', 'h1']);
  });

  it('forgets everything when the keys change: a revoked key is refused at once', async () => {
    const { checks, asked, callerOf } = setup();
    await callerOf('h1', 'desk-1');
    checks.forget();
    expect(await callerOf('h1', undefined)).toBeUndefined();
    expect(asked).toEqual(['h1', 'h1']);
  });

  it('does not keep an answer read while a change was announced', async () => {
    const { checks, asked, callerOf } = setup();
    let release!: () => void;
    const slow = checks.caller('h1', () => new Promise<string>((resolve) => (release = () => resolve('before the revoke'))));
    checks.forget();
    release();
    expect(await slow).toBe('before the revoke');
    expect(await callerOf('h1', undefined)).toBeUndefined();
    expect(asked).toEqual(['h1']);
  });

  it('keeps at most maxKept answers: past it they are all dropped', async () => {
    const { asked, callerOf } = setup(2);
    await callerOf('h1', 'a');
    await callerOf('h2', 'b');
    await callerOf('h3', 'c');
    await callerOf('h3', 'c');
    await callerOf('h1', 'a');
    expect(asked).toEqual(['h1', 'h2', 'h3', 'h1']);
  });

  it('"no keys" is kept while trusted and fresh and forgotten on a change; once a key was seen it always needs one', async () => {
    const { clock, checks } = setup();
    let asks = 0;
    let any = false;
    const ask = async () => (asks++, any);
    expect(await checks.hasKeys(ask)).toBe(false);
    any = true;
    expect(await checks.hasKeys(ask)).toBe(false);
    expect(asks).toBe(1);
    checks.forget();
    expect(await checks.hasKeys(ask)).toBe(true);
    any = false; // every key revoked, or deleted by hand: requests still need one
    clock.now = 5000;
    checks.forget();
    expect(await checks.hasKeys(ask)).toBe(true);
    expect(asks).toBe(2);
  });
});
