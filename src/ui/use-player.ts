import { useEffect } from 'react';
import { OPENING_TIME } from '../engine/index.js';
import { advance, DEFAULT_SPEED_INDEX, faster, slower, TICK_MS, type PlayerState } from '../simulation/player.js';
import type { SimulationRunner } from '../simulation/runner.js';
import { useSyncedState } from './use-synced-state.js';

export interface Player {
  state: PlayerState;
  finished: boolean;
  togglePause(): void;
  faster(): void;
  slower(): void;
  /** One timeline entry forward; only while paused. */
  step(): void;
}

/** Plays a runner against real time: a tick every TICK_MS, each playing what has come due. */
export function usePlayer(runner: SimulationRunner): Player {
  const [state, setState, now] = useSyncedState<PlayerState>({ playing: true, speedIndex: DEFAULT_SPEED_INDEX, minute: OPENING_TIME });

  useEffect(() => {
    const timer = setInterval(() => {
      const current = now.current;
      if (!current.playing || runner.finished) return;
      const minute = advance(current, TICK_MS);
      runner.playUntil(Math.floor(minute));
      setState({ ...current, minute: runner.finished ? runner.closesAt : minute });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [runner, now, setState]);

  return {
    state,
    finished: runner.finished,
    togglePause: () => setState({ ...now.current, playing: !now.current.playing }),
    faster: () => setState(faster(now.current)),
    slower: () => setState(slower(now.current)),
    step: () => {
      if (now.current.playing) return;
      const at = runner.nextAt;
      if (at === undefined) return;
      runner.step();
      setState({ ...now.current, minute: Math.max(now.current.minute, at) });
    },
  };
}
