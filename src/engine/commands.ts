/** The commands a desk (or a script, or the simulation) sends to a day, and their results. */

export interface BookCommand {
  op: 'book';
  /** Doctor id or name, case-insensitive. */
  doctor: string;
  /** `09:00`, `09:00-10:00` or `9-10`; omitted = rule 7. */
  slot?: string;
  patient: string;
  /** Any accepted spelling (SPEC §1); omitted = walk-in. */
  source?: string;
  phone?: string;
}

/** Names a token directly, or by doctor and patient name (exactly one active token must match). */
export interface TokenTarget {
  token?: string;
  doctor?: string;
  patient?: string;
}

export interface CancelCommand extends TokenTarget {
  op: 'cancel';
}

export interface NoShowCommand extends TokenTarget {
  op: 'no-show';
}

export interface ClockCommand {
  op: 'clock';
  /** `HH:MM`, not before the day's clock. */
  time: string;
}

/** SPEC §5: the patient is here. */
export interface CheckInCommand extends TokenTarget {
  op: 'check-in';
}

/** SPEC §5: the doctor calls the next checked-in patient, or the named token. */
export interface CallCommand {
  op: 'call';
  doctor?: string;
  token?: string;
}

/** SPEC §5: the patient in consultation is finished. */
export interface DoneCommand {
  op: 'done';
  doctor?: string;
  token?: string;
}

/** SPEC §5: an active token goes to another slot, of the same or another doctor. */
export interface MoveCommand {
  op: 'move';
  token: string;
  doctor?: string;
  slot?: string;
}

/** SPEC §5: the doctor is away from `from` (default: the clock) to `to` (default: the day's end). */
export interface AbsentCommand {
  op: 'absent';
  doctor: string;
  from?: string;
  to?: string;
}

/** SPEC §5: takes back the most recent command that changed the day. */
export interface UndoCommand {
  op: 'undo';
  /** The line or sequence number of the command the caller means to undo. */
  expect?: number;
}

export type Command =
  BookCommand | CancelCommand | NoShowCommand | ClockCommand | CheckInCommand | CallCommand | DoneCommand | MoveCommand | AbsentCommand | UndoCommand;
export type Op = Command['op'];
export const OPS: readonly Op[] = ['book', 'cancel', 'no-show', 'clock', 'check-in', 'call', 'done', 'move', 'absent', 'undo'];

export type Placed = 'ALLOCATED' | 'REALLOCATED' | 'WAITLISTED';

export interface Rebooked {
  token: string;
  newToken?: string;
  slot: string;
  placement: Placed | 'UNSERVED';
}

export type BookResult =
  | { op: 'book'; status: 'ALLOCATED' | 'REALLOCATED' | 'WAITLISTED'; token: string; slot: string; displaced?: string; position?: number; warning?: string }
  | { op: 'book'; status: 'REJECTED'; slot: string; reason: string; warning?: string };

export type Result =
  | BookResult
  | { op: 'cancel'; status: 'CANCELLED'; token: string; promoted?: string }
  | { op: 'no-show'; status: 'NO_SHOW'; token: string; promoted?: string }
  | { op: 'clock'; status: 'OK'; time: string }
  | { op: 'check-in'; status: 'CHECKED_IN'; token: string }
  | { op: 'call'; status: 'CALLED'; token: string; slot: string; completed?: string }
  | { op: 'done'; status: 'COMPLETED'; token: string }
  | {
      op: 'move';
      status: 'MOVED';
      token: string;
      newToken?: string;
      slot: string;
      placement: Placed;
      displaced?: string;
      position?: number;
      promoted?: string;
    }
  | { op: 'absent'; status: 'ABSENT'; slots: string[]; completed?: string; rebooked: Rebooked[] }
  | { op: 'undo'; status: 'UNDONE'; undid: { op: string; token?: string; line?: number; seq?: number } }
  | { op?: string; status: 'ERROR'; error: string };

export type ResultStatus = Result['status'];
/** Every status a result may carry (the journal checks stored results against it). */
export const RESULT_STATUSES = [
  'ALLOCATED',
  'REALLOCATED',
  'WAITLISTED',
  'REJECTED',
  'CANCELLED',
  'NO_SHOW',
  'OK',
  'CHECKED_IN',
  'CALLED',
  'COMPLETED',
  'MOVED',
  'ABSENT',
  'UNDONE',
  'ERROR',
] as const satisfies readonly ResultStatus[];
