/**
 * What a `move` or an `absent` would do, without doing it (SPEC §5), for the desk to show before
 * it asks. The command runs by the engine's own rules with every change recorded on the trail,
 * as a command that may be undone runs, and is taken back at once: the day afterwards is the day
 * before (tokens it issued are removed and their numbers given back, unlike an undo). Nothing
 * outside the day sees the moment in between: previews run synchronously. So a preview can never
 * disagree with the command it previews.
 */
import { seatsTaken, unwind } from './allocation.js';
import type { AbsentCommand, MoveCommand, Rebooked, Result } from './commands.js';
import { DeskError } from './errors.js';
import { findToken, type Day, type Token } from './model.js';
import { absent, move } from './move.js';

/** The engine's refusal, with the command field it concerns. */
export interface Refusal {
  ok: false;
  error: string;
  field?: string;
}

/** Runs `command` on the day, reads what it did with `read`, and takes it all back. */
function tryOn<T>(day: Day, run: () => Result, read: (result: Result) => T): T | Refusal {
  const recording = day.recording;
  const start = day.trail.length;
  const issued = day.tokens.length;
  const counts = day.doctors.map((doctor) => [doctor.tokens.length, doctor.nextSeq] as const);
  day.recording = true;
  try {
    return read(run());
  } catch (error) {
    if (!(error instanceof DeskError)) throw error;
    return { ok: false, error: error.message, ...(error.field !== undefined && { field: error.field }) };
  } finally {
    unwind(day, start);
    day.recording = recording;
    day.tokens.length = issued;
    day.doctors.forEach((doctor, index) => {
      const [tokens, nextSeq] = counts[index]!;
      doctor.tokens.length = tokens;
      doctor.nextSeq = nextSeq;
    });
  }
}

function who(token: Token | undefined, id: string): string {
  return token ? `${token.id} ${token.patient}` : id;
}

export type MovePreviewKind = 'free' | 'overbook' | 'displace' | 'waitlist';

export interface MovePreview {
  ok: true;
  kind: MovePreviewKind;
  /** The slot it would land in (rule 7's choice when none is named). */
  slot: string;
  /** As booking's slot list says it: `2 free`, `full — waitlist #2`, `full — will displace SHR-004 Meena Iyer`. */
  text: string;
  /** The whole move in one line, e.g. `SHR-004 Meena Iyer → Dr. Rao 11:00-12:00 as RAO-005 (2 free); SHR-009 Ravi Kumar takes the freed seat`. */
  sentence: string;
}

/** What `move` would do now: where the token lands and how, or the engine's refusal. */
export function previewMove(day: Day, command: MoveCommand): MovePreview | Refusal {
  return tryOn(
    day,
    () => move(day, command, undefined),
    (result): MovePreview => {
      if (result.status !== 'MOVED') throw new Error(`move answered ${result.status}`);
      const token = findToken(day, result.token)!;
      const placed = findToken(day, result.newToken ?? result.token)!;
      const slot = placed.slot;
      let kind: MovePreviewKind;
      let text: string;
      if (result.placement === 'REALLOCATED') {
        kind = 'displace';
        text = `full — will displace ${who(findToken(day, result.displaced ?? ''), result.displaced ?? '')}`;
      } else if (result.placement === 'WAITLISTED') {
        kind = 'waitlist';
        text = `full — waitlist #${result.position}`;
      } else if (seatsTaken(slot) > slot.capacity) {
        kind = 'overbook';
        text = 'full — over capacity (emergency overbook)';
      } else {
        kind = 'free';
        // Counted before the move took its seat, as booking's list counts them.
        text = `${slot.capacity - seatsTaken(slot) + 1} free`;
      }
      const doctor = placed.doctor === token.doctor ? '' : `${placed.doctor.name} `;
      const as = placed === token ? '' : ` as ${placed.id}`;
      const promoted = result.promoted === undefined ? '' : `; ${who(findToken(day, result.promoted), result.promoted)} takes the freed seat`;
      return { ok: true, kind, slot: slot.label, text, sentence: `${who(token, result.token)} → ${doctor}${slot.label}${as} (${text})${promoted}` };
    },
  );
}

export interface AbsencePreview {
  ok: true;
  /** The slots that would be off. */
  slots: string[];
  /** The patient in consultation, who would be finished. */
  completed?: string;
  /** Where each patient of those slots would go, in queue order: one line each. */
  lines: string[];
  rebooked: number;
  unserved: number;
}

/** One line per patient an absence rebooks, e.g. `RED-002 Vikram Singh → Dr. Kapoor 11:00-12:00 as KAP-004`. */
export function rebookedLines(day: Day, rebooked: readonly Rebooked[]): string[] {
  return rebooked.map((entry) => {
    const token = findToken(day, entry.token);
    const name = who(token, entry.token);
    if (entry.placement === 'UNSERVED') return `${name} → no slot left: unserved, call them back`;
    const placed = findToken(day, entry.newToken ?? entry.token);
    const doctor = placed && token && placed.doctor !== token.doctor ? `${placed.doctor.name} ` : '';
    const as = entry.newToken === undefined ? '' : ` as ${entry.newToken}`;
    const how = entry.placement === 'WAITLISTED' ? 'waits for ' : '';
    return `${name} → ${how}${doctor}${entry.slot}${as}`;
  });
}

/** What an `absent` did (or, in a preview, would do): its slots, who was finished, who went where. */
export function absenceReport(day: Day, result: Extract<Result, { status: 'ABSENT' }>): AbsencePreview {
  const completed = result.completed === undefined ? undefined : who(findToken(day, result.completed), result.completed);
  const unserved = result.rebooked.filter((entry) => entry.placement === 'UNSERVED').length;
  return {
    ok: true,
    slots: result.slots,
    ...(completed !== undefined && { completed }),
    lines: rebookedLines(day, result.rebooked),
    rebooked: result.rebooked.length - unserved,
    unserved,
  };
}

/** What `absent` would do now: which slots go off and who is rebooked where, or the engine's refusal. */
export function previewAbsence(day: Day, command: AbsentCommand): AbsencePreview | Refusal {
  return tryOn(
    day,
    () => absent(day, command, undefined),
    (result): AbsencePreview => {
      if (result.status !== 'ABSENT') throw new Error(`absent answered ${result.status}`);
      return absenceReport(day, result);
    },
  );
}
