/**
 * A screen opened from the desk (the booking form, the cancel dialog) takes its keys from the
 * desk's one input listener, not from a listener of its own: keys that arrive together with the
 * key that opened it (`b` then a name, in one burst) would otherwise be lost while it mounts.
 * Keys for a screen that is not listening yet wait, in order, until it is.
 */
import { useLayoutEffect } from 'react';
import type { KeyPress } from './key-burst.js';

/**
 * A screen's key handler. It returns a promise while a command it sent is on its way to a server:
 * the keys after it wait, in order, until it is settled.
 */
export type KeyHandler = (press: KeyPress) => void | Promise<void>;

/** Registers a screen's key handler; returns the unregistering function. */
export type ListenForKeys = (handle: KeyHandler) => () => void;

/** Hands the screen's keys to `handle` from the next commit on (and any that waited). */
export function useScreenKeys(listen: ListenForKeys, handle: KeyHandler): void {
  useLayoutEffect(() => listen(handle), [listen, handle]);
}
