/**
 * SPEC §5 `undo`, by inverse operations. Every change a command makes goes through the few
 * primitives of allocation.ts (and issueToken), and each pushes onto `day.trail` a small record
 * of how to take it back; execute notes where each command's records start. Undo runs the
 * newest command's records backwards, so the day returns to exactly the state before that command (the
 * structures hold the same tokens; orders are total, so every view is the same), except that a
 * token the command issued is left VOIDED with its number spent. Clock moves in between that
 * closed no slot touched only the clock and stay. A slot closing clears the history (nothing
 * before it can be undone), which also bounds the memory trails take. The cost of an undo is
 * the size of the command's own changes, whatever the size of the day.
 */
import { unwind, type EventSink } from './allocation.js';
import type { Result, UndoCommand } from './commands.js';
import { DeskError } from './errors.js';
import type { Day, HistoryEntry } from './model.js';

/**
 * How many commands back undo reaches (besides never past a slot closing). Keeping every
 * command's records since the last closing made the largest days several times slower; a desk
 * undoes its last few. Trimmed in batches, so the cost per command stays constant.
 */
export const UNDO_DEPTH = 1000;

/** Puts the oldest commands out of reach, keeping the newest UNDO_DEPTH. */
export function forgetOldest(day: Day): void {
  const dropped = day.history.length - UNDO_DEPTH;
  const kept = day.history[dropped]!;
  day.undoBarrier = day.history[dropped - 1]!;
  day.undoBarrierReason = 'depth';
  const cut = kept.start;
  day.trail.splice(0, cut);
  day.history = day.history.slice(dropped);
  for (const entry of day.history) entry.start -= cut;
}

function named(entry: HistoryEntry): string {
  return `${entry.op}${entry.token === undefined ? '' : ` ${entry.token}`} (${entry.refKey} ${entry.refValue})`;
}

export function undo(day: Day, command: UndoCommand, events: EventSink): Result {
  const entry = day.history[day.history.length - 1];
  if (entry === undefined) {
    if (day.undoBarrier !== null) {
      const why = day.undoBarrierReason === 'slot' ? 'a slot has closed since' : `undo reaches back ${UNDO_DEPTH} commands`;
      throw new DeskError(`cannot undo ${named(day.undoBarrier)}: ${why}`);
    }
    throw new DeskError('nothing to undo');
  }
  if (command.expect !== undefined && command.expect !== entry.refValue) {
    throw new DeskError(`the command to undo is ${named(entry)}, not ${entry.refKey} ${command.expect}`, 'expect');
  }
  day.history.pop();
  unwind(day, entry.start);
  events?.push({ kind: 'undone', op: entry.op, ...(entry.token !== undefined && { token: entry.token }), at: day.clock });
  const undid = { op: entry.op, ...(entry.token !== undefined && { token: entry.token }), [entry.refKey]: entry.refValue };
  return { op: 'undo', status: 'UNDONE', undid };
}
