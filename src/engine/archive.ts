/**
 * Archive mode, for reading a whole day once (`export` replays a day to list every token): a
 * token that has reached its final status where undo can no longer reach it is kept as bytes
 * (32 and its text: token-bytes.ts) in an ArchiveStore, and its object is let go. A token object with its
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
import { Token, type Day, type Doctor, type Slot } from './model.js';
import { SOURCES, type Priority } from './sources.js';
import { isFinal, STATUSES } from './status.js';
import { MemoryArchiveStore, withRoom, type ArchiveStore } from './archive-store.js';
import { ByteReader, ByteWriter } from './token-bytes.js';

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

const NO_TIME = -1;

export class TokenArchive {
  /** Tokens that reached a final status since they were last looked at; undo may have revived some. */
  private finished: Token[] = [];
  /** Issue positions of tokens moved in from another doctor, whose arrival is not their position. */
  private readonly movedIn = new Map<Token, number>();
  /** Per doctor, the issue position of each archived token by seq - 1. */
  private readonly positions: Uint32Array[] = [];
  private readonly writer = new ByteWriter();
  /** How many tokens are archived. */
  count = 0;

  constructor(private readonly store: ArchiveStore = new MemoryArchiveStore()) {}

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
    const read = new ByteReader(this.store.get(position));
    const doctor = day.doctors[read.uint32()]!;
    const seq = read.uint32();
    const arrival = read.uint32();
    const slot = doctor.slots[read.uint16()]!;
    const source = SOURCES[read.uint8()]!;
    const priority = read.uint8() as Priority;
    const status = STATUSES[read.uint8()]!;
    const transferred = read.uint8() === 1;
    const time = () => {
      const minutes = read.int16();
      return minutes === NO_TIME ? null : minutes;
    };
    const issuedAt = read.int16();
    const [seatedAt, endedAt, checkedIn, calledAt] = [time(), time(), time(), time()];
    const bumps = read.uint32();
    const [patient, phone, phoneKey, movedTo] = [read.string(), read.string(), read.string(), read.string()];
    const token = new Token(doctor, seq, { patient: patient!, phone, phoneKey, source, priority, slot }, { arrival, issuedAt, checkedIn, transferred });
    token.status = status;
    token.bumps = bumps;
    token.seatedAt = seatedAt;
    token.endedAt = endedAt;
    token.calledAt = calledAt;
    token.movedTo = movedTo;
    return token;
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
    const write = this.writer;
    write.reset();
    write.uint32(doctor.index);
    write.uint32(token.seq);
    write.uint32(token.arrival);
    write.uint16(token.slot.index);
    write.uint8(SOURCES.indexOf(token.source));
    write.uint8(token.priority);
    write.uint8(STATUSES.indexOf(token.status));
    write.uint8(token.transferred ? 1 : 0);
    for (const minutes of [token.issuedAt, token.seatedAt, token.endedAt, token.checkedIn, token.calledAt]) write.int16(minutes ?? NO_TIME);
    write.uint32(token.bumps);
    for (const text of [token.patient, token.phone, token.phoneKey, token.movedTo]) write.string(text);
    this.store.put(position, write.written());
    this.notePosition(doctor, token.seq, position);
    this.movedIn.delete(token);
    day.tokens[position] = ARCHIVED;
    doctor.tokens[token.seq - 1] = ARCHIVED;
    this.count += 1;
  }

  private notePosition(doctor: Doctor, seq: number, position: number): void {
    const positions = withRoom(this.positions[doctor.index] ?? new Uint32Array(64), seq);
    this.positions[doctor.index] = positions;
    positions[seq - 1] = position;
  }
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
    token.slot.index <= 0xffff &&
    token.doctor.index <= 0xffffffff &&
    [token.issuedAt, token.seatedAt, token.endedAt, token.checkedIn, token.calledAt].every(fitsMinutes)
  );
}

/** Every token of the day in issue order, as `day.tokens` lists them, archived ones rebuilt. */
export function* everyToken(day: Day): Generator<Token> {
  for (let position = 0; position < day.tokens.length; position++) {
    const token = day.tokens[position]!;
    yield token === ARCHIVED ? day.archive!.rebuild(day, position) : token;
  }
}
