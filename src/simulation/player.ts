/**
 * The film's timing, as pure functions: where the simulated clock stands, how fast it runs,
 * paused or not. At 1x a simulated minute passes each real second; at 60x, an hour.
 */
export const SPEEDS = [1, 2, 5, 10, 20, 30, 60] as const;
export const DEFAULT_SPEED_INDEX = 3; // 10x: the default day plays in about a minute
export const TICK_MS = 100;

export interface PlayerState {
  playing: boolean;
  speedIndex: number;
  /** Simulated time, in minutes since midnight (fractional between ticks). */
  minute: number;
}

export function speedOf(state: PlayerState): number {
  return SPEEDS[state.speedIndex] ?? 1;
}

/** The simulated minute after `elapsedMs` of real time. */
export function advance(state: PlayerState, elapsedMs: number): number {
  return state.playing ? state.minute + (speedOf(state) * elapsedMs) / 1000 : state.minute;
}

export function faster(state: PlayerState): PlayerState {
  return { ...state, speedIndex: Math.min(SPEEDS.length - 1, state.speedIndex + 1) };
}

export function slower(state: PlayerState): PlayerState {
  return { ...state, speedIndex: Math.max(0, state.speedIndex - 1) };
}
