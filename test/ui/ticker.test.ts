/** The ticker: only slots that held someone, and the recent lines back after a restart. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster } from '../../src/engine/index.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { book } from '../support/desk.js';
import { deskSessions } from '../support/session.js';

const open = deskSessions('2026-03-02');

const texts = (store: ReturnType<typeof createDeskStore>) => store.getState().ticker.map((line) => `${line.time} ${line.text}`);

describe('the ticker', () => {
  it('logs a slot closing only when someone was in it or waiting for it', () => {
    const store = createDeskStore(createDay(defaultRoster()));
    store.getState().dispatch(book('Asha Rao', 'walk-in', '09:00'));
    store.getState().dispatch({ op: 'clock', time: '10:00' });
    const closed = texts(store).filter((text) => text.includes('closed'));
    expect(closed).toEqual(['10:00 Dr. Sharma 09:00-10:00 closed']);
  });

  it('comes back from the journal after a restart, as it was', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'opd-desk-ticker-')), 'day.db');
    const before = createDeskStore(open(file));
    for (const command of [book('Asha Rao', 'walk-in', '09:00'), book('Kiran Shah', 'online', '09:00'), { op: 'cancel' as const, token: 'SHR-001' }]) {
      before.getState().dispatch(command);
    }
    before.getState().dispatch({ op: 'clock', time: '10:00' });
    const after = createDeskStore(open(file));
    expect(texts(after)).toEqual(texts(before));
    expect(texts(after)).toContain('08:00 SHR-001 Asha Rao cancelled');
  });
});
