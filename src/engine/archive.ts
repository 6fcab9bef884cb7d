/**
 * Archive mode, for reading a whole day once (`export` replays a day to list every token): a
 * token that has reached its final status where undo can no longer reach it is kept as a 40-byte
 * record and its packed text (token-text.ts), and its object is let go. A token object with its
 * strings takes about 260 bytes; on a day of a million commands the difference is most of the
 * memory the replay holds.
 *
 * Nothing changes for the rules: a command that names an archived token gets a token rebuilt
 * field for field from its record (it can only be refused: the token is final), and
 * `everyToken` lists the day in issue order as `day.tokens` would. A token is archived only when
 * no undo record names it (the trail is empty after a slot closes, and trimmed every thousand
 * commands) and only when every field fits its record exactly; otherwise it stays as it is.
 * In archive mode `day.tokens` and `doctor.tokens` hold ARCHIVED in an archived token's place,
 * so a desk, whose views read those arrays, never uses it.
 */
import type { Day, Doctor, Slot, Token } from './model.js';
import { SOURCES, type Priority } from './sources.js';
import { isFinal, STATUSES } from './status.js';
import { TextStore, type TextAt } from './token-text.js';

/** What `day.tokens` and `doctor.tokens` hold in an archived token's place. */
export const ARCHIVED: Token = Object.freeze({
  id: '(archived)',
  seq: 0,
  arrival: -1,
  // Never read: ARCHIVED is only compared by identity.
  doctor: undefined as unknown as Doctor,
  patient: '',
  phone: null,
  phoneKey: null,
  source: 'WALK_IN',
  priority: 5,
  slot: undefined as unknown as Slot,
  status: 'VOIDED',
  bumps: 0,
  issuedAt: 0,
  seatedAt: null,
  endedAt: null,
  checkedIn: null,
  calledAt: null,
  movedTo: null,
  transferred: false,
  heapIndex: -1,
});

const RECORD_BYTES = 40;
const CHUNK_RECORDS = 4096;
const NO_TIME = -1;

export class TokenArchive {
  /** Tokens that reached a final status since they were last looked at; undo may have revived some. */
  private finished: Token[] = [];
  /** Issue positions of tokens moved in from another doctor, whose arrival is not their position. */
  private readonly movedIn = new Map<Token, number>();
  private readonly records: DataView[] = [];
  private readonly text = new TextStore();
  /** Per doctor, the issue position of each archived token by seq - 1. */
  private readonly positions: Uint32Array[] = [];
  /** How many tokens are archived. */
  count = 0;

  noteFinished(token: Token): void {
    this.finished.push(token);
  }

  noteMovedIn(token: Token, position: number): void {
    this.movedIn.set(token, position);
  }

  /** Whether archiving would let anything go now. */
  get pending(): boolean {
    return this.finished.length > 0;
  }

  /** Archives every finished token no undo record names (the trail holds the day's undo records). */
  archiveOutOfReach(day: Day): void {
    const named = new Set<unknown>();
    for (let i = 0; i < day.trail.length; i += 3) {
      named.add(day.trail[i + 1]);
      named.add(day.trail[i + 2]);
    }
    const kept: Token[] = [];
    for (const token of this.finished) {
      if (named.has(token)) kept.push(token);
      else this.archive(day, token);
    }
    this.finished = kept;
  }

  /** The archived token at issue position `position`, rebuilt. */
  rebuild(day: Day, position: number): Token {
    const record = this.records[Math.floor(position / CHUNK_RECORDS)]!;
    const at = (position % CHUNK_RECORDS) * RECORD_BYTES;
    const doctor = day.doctors[record.getUint32(at, true)]!;
    const time = (offset: number) => {
      const minutes = record.getInt16(at + offset, true);
      return minutes === NO_TIME ? null : minutes;
    };
    const [patient, phone, phoneKey, movedTo] = this.text.read({ chunk: record.getUint32(at + 32, true), offset: record.getUint32(at + 36, true) }, 4);
    const seq = record.getUint32(at + 4, true);
    return {
      id: tokenId(doctor, seq),
      seq,
      arrival: record.getUint32(at + 8, true),
      doctor,
      patient: patient!,
      phone: phone ?? null,
      phoneKey: phoneKey ?? null,
      source: SOURCES[record.getUint8(at + 14)]!,
      priority: record.getUint8(at + 15) as Priority,
      slot: doctor.slots[record.getUint16(at + 12, true)]!,
      status: STATUSES[record.getUint8(at + 16)]!,
      bumps: record.getUint32(at + 28, true),
      issuedAt: time(18)!,
      seatedAt: time(20),
      endedAt: time(22),
      checkedIn: time(24),
      calledAt: time(26),
      movedTo: movedTo ?? null,
      transferred: record.getUint8(at + 17) === 1,
      heapIndex: -1,
    };
  }

  /** The archived token `seq` of `doctor`, rebuilt. */
  rebuildOf(day: Day, doctor: Doctor, seq: number): Token {
    return this.rebuild(day, this.positions[doctor.index]![seq - 1]!);
  }

  private archive(day: Day, token: Token): void {
    const position = this.movedIn.get(token) ?? token.arrival;
    const doctor = token.doctor;
    if (!isFinal(token) || !fitsRecord(token) || day.tokens[position] !== token || doctor.tokens[token.seq - 1] !== token) return;
    if (doctor.inConsultation === token) return;
    const chunk = Math.floor(position / CHUNK_RECORDS);
    while (this.records.length <= chunk) this.records.push(new DataView(new ArrayBuffer(CHUNK_RECORDS * RECORD_BYTES)));
    const record = this.records[chunk]!;
    const at = (position % CHUNK_RECORDS) * RECORD_BYTES;
    const text: TextAt = this.text.write([token.patient, token.phone, token.phoneKey, token.movedTo]);
    record.setUint32(at, doctor.index, true);
    record.setUint32(at + 4, token.seq, true);
    record.setUint32(at + 8, token.arrival, true);
    record.setUint16(at + 12, token.slot.index, true);
    record.setUint8(at + 14, SOURCES.indexOf(token.source));
    record.setUint8(at + 15, token.priority);
    record.setUint8(at + 16, STATUSES.indexOf(token.status));
    record.setUint8(at + 17, token.transferred ? 1 : 0);
    record.setInt16(at + 18, token.issuedAt, true);
    record.setInt16(at + 20, token.seatedAt ?? NO_TIME, true);
    record.setInt16(at + 22, token.endedAt ?? NO_TIME, true);
    record.setInt16(at + 24, token.checkedIn ?? NO_TIME, true);
    record.setInt16(at + 26, token.calledAt ?? NO_TIME, true);
    record.setUint32(at + 28, token.bumps, true);
    record.setUint32(at + 32, text.chunk, true);
    record.setUint32(at + 36, text.offset, true);
    this.notePosition(doctor, token.seq, position);
    this.movedIn.delete(token);
    day.tokens[position] = ARCHIVED;
    doctor.tokens[token.seq - 1] = ARCHIVED;
    this.count += 1;
  }

  private notePosition(doctor: Doctor, seq: number, position: number): void {
    let positions = this.positions[doctor.index] ?? new Uint32Array(64);
    if (positions.length < seq) {
      const grown = new Uint32Array(Math.max(2 * positions.length, seq));
      grown.set(positions);
      positions = grown;
    }
    this.positions[doctor.index] = positions;
    positions[seq - 1] = position;
  }
}

/** A token id: the doctor's code and the number, at least three digits (`SHR-001`). */
export function tokenId(doctor: Doctor, seq: number): string {
  return `${doctor.code}-${String(seq).padStart(3, '0')}`;
}

const fitsMinutes = (minutes: number | null) => minutes === null || (Number.isInteger(minutes) && minutes >= 0 && minutes <= 0x7fff);
const fitsCount = (value: number) => Number.isInteger(value) && value >= 0 && value <= 0xffffffff;

/** Whether every field of `token` is stored exactly by a record (always, on a day the engine built). */
function fitsRecord(token: Token): boolean {
  return (
    token.heapIndex === -1 &&
    fitsCount(token.seq) &&
    fitsCount(token.arrival) &&
    fitsCount(token.bumps) &&
    token.slot.doctor === token.doctor &&
    [token.issuedAt, token.seatedAt, token.endedAt, token.checkedIn, token.calledAt].every(fitsMinutes) &&
    token.id === tokenId(token.doctor, token.seq)
  );
}

/** Every token of the day in issue order, as `day.tokens` lists them, archived ones rebuilt. */
export function* everyToken(day: Day): Generator<Token> {
  for (let position = 0; position < day.tokens.length; position++) {
    const token = day.tokens[position]!;
    yield token === ARCHIVED ? day.archive!.rebuild(day, position) : token;
  }
}
