/** The allocation engine: pure, deterministic, no I/O, no clock reads, no randomness. */
export { DeskError } from './errors.js';
export type { Minutes, SlotReference } from './time.js';
export { formatSlot, formatTime, parseSlotReference, parseTime } from './time.js';
export { PRIORITY, SOURCES, parseSource, type Priority, type Source } from './sources.js';
export {
  DEFAULT_POLICY,
  DEFAULT_WAIT_ALERT_MINUTES,
  defaultRoster,
  type Displacement,
  type DoctorSpec,
  type Policy,
  type Roster,
  type SlotSpec,
} from './roster.js';
export {
  OPENING_TIME,
  STATUSES,
  findToken,
  type CommandReference,
  type Day,
  type Doctor,
  type HistoryEntry,
  type Slot,
  type Status,
  type Token,
} from './model.js';
export type { DayEvent, SeatVia, WaitVia } from './events.js';
export type {
  AbsentCommand,
  BookCommand,
  CallCommand,
  CancelCommand,
  CheckInCommand,
  ClockCommand,
  Command,
  DoneCommand,
  MoveCommand,
  NoShowCommand,
  Op,
  Placed,
  Rebooked,
  Result,
  ResultStatus,
  TokenTarget,
  UndoCommand,
} from './commands.js';
export { OPS, RESULT_STATUSES } from './commands.js';
export { UNDO_DEPTH } from './undo.js';
export { createDay, execute, resolveDoctor, resolveSlot, type CreateDayOptions, type ExecuteOptions, type Outcome } from './execute.js';
export { everyToken } from './archive.js';
export { MemoryArchiveStore, withRoom, type ArchiveStore } from './archive-store.js';
export { defaultSlot, findVictim, inConsultation, isFull, isOpen, planPlacement, queuePosition, seatsTaken, type Placement } from './allocation.js';
export { callQueue, nextToCall } from './flow.js';
export {
  boardOf,
  overflowQueue,
  snapshot,
  tokenRow,
  tokenRows,
  type Board,
  type BoardDoctor,
  type BoardOverflowEntry,
  type BoardPatient,
  type BoardSlot,
  type TokenRow,
} from './views.js';
export { checkInvariants } from './invariants.js';
export { tickerLine, statusLine, nextSlotBoundary, previewNextAvailable, previewSlot, type PreviewKind, type SlotPreview } from './describe.js';
export {
  absenceReport,
  previewAbsence,
  previewMove,
  rebookedLines,
  type AbsencePreview,
  type MovePreview,
  type MovePreviewKind,
  type Refusal,
} from './preview.js';
export { describeUndo, type UndoPreview } from './undo-words.js';
export { countStatuses, isActive, isBooked, isFinal, isWaitlisted, type StatusCounts } from './status.js';
export { DEFAULT_PHONE_REGION, MAX_PHONE_DIGITS, formatPhone, nameKey, normaliseName, normalisePhone, patientKey, phoneKey } from './patient.js';
export { matchTokens, type MatchOptions } from './search.js';
export { consultMinutes, expectedTime, waitAlertMinutes, waitingList, type WaitingList, type WaitingPatient } from './counter.js';
export { HistoryIndex, tokenHistory, type HistoryLine, type LoggedCommand } from './token-history.js';
export { WAITING_ROOM_NEXT, waitingRoomOf, type WaitingRoom, type WaitingRoomDoctor } from './waiting-room.js';
export { bookingChange, shownPlacement, stillAsShown, type BookingChange, type BookingOption, type ShownPlacement } from './booking-check.js';
export { counterWords, duplicateOf, duplicateWords, standing } from './counter-words.js';
