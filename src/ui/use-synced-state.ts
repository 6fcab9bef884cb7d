import { useCallback, useRef, useState } from 'react';

/**
 * State whose latest value key handlers can read at once. Ink re-subscribes input handlers
 * after each render, so keys that arrive in a burst (a held arrow, a paste, a scanner) can
 * reach a handler from the previous render; reading `ref.current` keeps them right.
 */
export function useSyncedState<T>(initial: T | (() => T)): [T, (next: T) => void, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T) => {
    ref.current = next;
    setValue(next);
  }, []);
  return [value, set, ref];
}
