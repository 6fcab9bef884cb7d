/**
 * Part of `npm run bench serve`: two remote desks (the dashboard's store over RemoteKeeper) on
 * one server. A booking sent from desk A, timed until desk B's store has published it: what a
 * receptionist at B waits to see another counter's booking (the frame follows within a frame).
 */
import { performance } from 'node:perf_hooks';
import { RemoteKeeper } from '../src/keeper/remote-keeper.js';
import { createDeskStore } from '../src/store/desk-store.js';

export async function deskToDesk(base: string, date: string, samples: number): Promise<number[]> {
  const keeperA = await RemoteKeeper.connect({ server: base, date });
  const keeperB = await RemoteKeeper.connect({ server: base, date });
  try {
    const a = createDeskStore(keeperA);
    const b = createDeskStore(keeperB);
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const patient = `Desk Probe ${i}`;
      const seen = new Promise<number>((resolve) => {
        const stop = b.subscribe((state) => {
          if (state.day.tokens.some((t) => t.patient === patient) && state.ticker.some((line) => line.text.includes(patient))) {
            stop();
            resolve(performance.now());
          }
        });
      });
      const sent = performance.now();
      const { result } = await a.getState().send({ op: 'book', doctor: 'kapoor', patient, source: 'walk-in' });
      if (result.status === 'ERROR') throw new Error(result.error);
      latencies.push((await seen) - sent);
    }
    return latencies;
  } finally {
    keeperA.close();
    keeperB.close();
  }
}
