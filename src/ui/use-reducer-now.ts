import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * A reducer whose latest state key handlers can read at once. Keys that arrive in a burst
 * reach a handler before React re-renders, so each key is reduced against `now.current`, not
 * against the state of the last render.
 */
export function useReducerNow<S, A>(reduce: (state: S, action: A) => S, initial: S | (() => S)) {
  const [state, setState] = useState(initial);
  const now = useRef(state);
  const reduceRef = useRef(reduce);
  // Committed before any further key can arrive, so each key is reduced with this render's context.
  useLayoutEffect(() => {
    reduceRef.current = reduce;
  });
  const dispatch = useCallback((action: A): S => {
    now.current = reduceRef.current(now.current, action);
    setState(now.current);
    return now.current;
  }, []);
  return [state, dispatch, now] as const;
}
