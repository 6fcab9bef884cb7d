/**
 * Property: random command sequences from two remote desks (and the server's own hub, a third
 * desk) leave both desks' days identical to the server's, and each desk's result for its command
 * is the one the server journaled.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { snapshot } from '../../src/engine/index.js';
import { RemoteKeeper } from '../../src/keeper/remote-keeper.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { resolveClock, scenarioArbitrary } from '../support/arbitraries.js';
import { DATE, testServer } from '../server/support.js';

describe('remote desks, random days', () => {
  it('two remote desks and the server agree on the day after every sequence', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, fc.array(fc.constantFrom(0, 1, 2), { minLength: 80, maxLength: 80 }), async ({ roster, commands }, senders) => {
        const server = await testServer(roster);
        const base = await server.app.listen({ host: '127.0.0.1', port: 0 });
        const keepers = [await RemoteKeeper.connect({ server: base }), await RemoteKeeper.connect({ server: base })];
        try {
          const stores = keepers.map((keeper) => createDeskStore(keeper));
          for (const [i, raw] of commands.entries()) {
            const command = resolveClock(raw, server.hub.session(DATE).day.clock);
            const sender = senders[i]!;
            if (sender === 2) {
              await server.hub.submit(DATE, command);
              continue;
            }
            const before = server.hub.session(DATE).appliedSeq;
            const { result } = await stores[sender]!.getState().send(command);
            const journaled = server.journal.read(DATE, before);
            if (result.status === 'ERROR') expect(journaled).toEqual([]);
            else expect(journaled.map((entry) => entry.result)).toEqual([result]);
          }
          const expected = server.state();
          for (const keeper of keepers) await vi.waitFor(() => expect(snapshot(keeper.day)).toEqual(expected));
          for (const keeper of keepers) expect(keeper.mismatches).toEqual([]);
        } finally {
          for (const keeper of keepers) keeper.close();
          await server.close();
        }
      }),
      { numRuns: 10 },
    );
  }, 180_000);
});
