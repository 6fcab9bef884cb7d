/**
 * A fake terminal for Ink at a chosen size. Ink runs in debug mode, so every render writes the
 * whole frame; keys go in through a stdin like a TTY's. Helpers wait for Ink's input hook and
 * for frames, never for a fixed time.
 */
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink';
import { act, type ReactElement } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { FakeStdin } from './fake-stdin.js';

class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  ctrlC: '\u0003',
} as const;

export interface Terminal {
  /** The last frame, colour codes removed. */
  frame(): string;
  /** The last frame as written, colour codes kept. */
  rawFrame(): string;
  /** Sends keys once Ink listens, then waits until `until` holds for the frame. */
  press(keys: string, until?: (frame: string) => boolean): Promise<string>;
  /** Waits until the frame satisfies a condition. */
  waitFor(until: (frame: string) => boolean): Promise<string>;
  resize(columns: number, rows: number): void;
  unmount(): void;
  /** Resolves when the app exits by itself (quit). */
  waitUntilExit(): Promise<unknown>;
  stdout: FakeStdout;
}

// Tell React this is a test environment, so act() flushes renders and effects (input hooks).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * `inAct: false` for a screen whose frames change on their own (a remote desk: answers and events
 * arrive from a server): keys and renders then run as in the real terminal, outside act().
 */
export function renderAt(element: ReactElement, columns: number, rows: number, { inAct = true }: { inAct?: boolean } = {}): Terminal {
  const actIf = (work: () => void | Promise<void>) => (inAct ? act(work) : work());
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  let instance!: ReturnType<typeof render>;
  void actIf(() => {
    instance = render(element, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
  });
  const rawFrame = () => stdout.frames.at(-1) ?? '';
  const frame = () => stripVTControlCharacters(rawFrame());
  const waitFor = async (until: (frame: string) => boolean) => {
    await vi.waitFor(
      () => {
        if (!until(frame())) throw new Error(`frame not ready:\n${frame()}`);
      },
      { timeout: 3000, interval: 5 },
    );
    return frame();
  };
  return {
    frame,
    rawFrame,
    waitFor,
    async press(keys, until) {
      // act() returns once React has rendered and run effects, so every input hook of the new
      // screen is listening before the next key. A lone Esc waits in Ink's parser for a short
      // flush timer, which waitFor then covers.
      await actIf(async () => {
        stdin.write(keys);
      });
      return until ? waitFor(until) : frame();
    },
    resize(newColumns, newRows) {
      stdout.columns = newColumns;
      stdout.rows = newRows;
      act(() => {
        stdout.emit('resize');
      });
    },
    unmount: () => void actIf(() => instance.unmount()),
    waitUntilExit: () => instance.waitUntilExit(),
    stdout,
  };
}

/** Fakes only the player's clocks (React's own scheduling keeps running) and unmounts the current screen after each test. */
export function fakePlayerClocks(current: () => Terminal | undefined): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    current()?.unmount();
    vi.useRealTimers();
  });
}

/** The terminal sizes a layout is tried at: from the smallest the desk supports to a wide screen. */
export const LAYOUT_SIZES: readonly [number, number][] = [
  [40, 12],
  [60, 20],
  [80, 24],
  [120, 40],
  [200, 50],
];
