/**
 * A highlighted choice in a list that may be taller than its window, as ink-select-input
 * moves it: Up/Down (or k/j) wrap around at the ends, 1-9 pick the n-th row in view. Pure.
 */
export interface ChoiceListState {
  /** Highlighted item. */
  at: number;
  /** First item in view. */
  top: number;
}

export function choiceListAt(at: number, length: number, limit: number): ChoiceListState {
  const clamped = Math.max(0, Math.min(at, length - 1));
  return { at: clamped, top: Math.max(0, Math.min(clamped - limit + 1, length - limit)) };
}

/** Moves the highlight by `delta`, wrapping around, keeping it in view. */
export function moveChoice(state: ChoiceListState, delta: number, length: number, limit: number): ChoiceListState {
  if (length === 0) return state;
  const at = (((state.at + delta) % length) + length) % length;
  const top = at < state.top ? at : at >= state.top + limit ? at - limit + 1 : state.top;
  return { at, top: Math.max(0, Math.min(top, Math.max(0, length - limit))) };
}

/** The item the digit key `n` (1-9) picks among those in view, if any. */
export function pickByDigit(state: ChoiceListState, digit: number, length: number, limit: number): number | undefined {
  const index = state.top + digit - 1;
  return digit >= 1 && digit <= Math.min(limit, 9) && index < length ? index : undefined;
}
