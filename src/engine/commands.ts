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

export type Command = BookCommand | CancelCommand | NoShowCommand | ClockCommand;
export type Op = Command['op'];
export const OPS: readonly Op[] = ['book', 'cancel', 'no-show', 'clock'];

export type BookResult =
  | { op: 'book'; status: 'ALLOCATED' | 'REALLOCATED' | 'WAITLISTED'; token: string; slot: string; displaced?: string; position?: number; warning?: string }
  | { op: 'book'; status: 'REJECTED'; slot: string; reason: string; warning?: string };

export type Result =
  | BookResult
  | { op: 'cancel'; status: 'CANCELLED'; token: string; promoted?: string }
  | { op: 'no-show'; status: 'NO_SHOW'; token: string; promoted?: string }
  | { op: 'clock'; status: 'OK'; time: string }
  | { op?: string; status: 'ERROR'; error: string };

export type ResultStatus = Result['status'];
