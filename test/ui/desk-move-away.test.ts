/** The desk reducer's m, a and u: which screen opens, on what, and what is said instead. */
import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute, type Command } from '../../src/engine/index.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { selectColumns } from '../../src/store/selectors.js';
import { initialDesk, reduceDesk, type DeskAction, type DeskScreenState, type DeskView } from '../../src/ui/desk-state.js';
import { deskActionOf } from '../../src/ui/use-desk-input.js';
import { book } from '../support/desk.js';

function viewOf(commands: Command[]): DeskView {
  const day = createDay(defaultRoster());
  for (const command of commands) execute(day, command);
  const store = createDeskStore(day);
  return { columns: selectColumns(store.getState()), perPage: 2, day };
}

function run(view: DeskView, ...actions: DeskAction[]): DeskScreenState {
  return actions.reduce((state, action) => reduceDesk(state, action, view), initialDesk(view.columns));
}

const twoSeated = [book('Asha Rao', 'walk-in', '09:00'), book('Kiran Shah', 'online', '09:00'), { op: 'clock', time: '09:00' } as Command];
const down: DeskAction = { type: 'move-row', delta: 1 };

describe('m: the move form', () => {
  it('opens on the selected patient', () => {
    expect(run(viewOf(twoSeated), down, { type: 'open', screen: 'move' }).mode).toEqual({ kind: 'move', token: 'SHR-002' });
  });

  it('on a slot row asks for a patient first', () => {
    expect(run(viewOf(twoSeated), { type: 'open', screen: 'move' })).toMatchObject({
      mode: { kind: 'board' },
      notice: 'Select a patient first (↑/↓), then m.',
    });
  });

  it('a patient the engine would not move at all is said at once, in its words', () => {
    const view = viewOf([...twoSeated, { op: 'check-in', token: 'SHR-002' }, { op: 'call', doctor: 'sharma' }]);
    expect(run(view, down, { type: 'open', screen: 'move' })).toMatchObject({
      mode: { kind: 'board' },
      notice: 'Cannot move: SHR-002 is in consultation: it cannot be moved',
    });
  });

  it('after the move the cursor is on the new token', () => {
    const view = viewOf(twoSeated);
    const moved = run(
      view,
      down,
      { type: 'open', screen: 'move' },
      {
        type: 'sent',
        result: { op: 'move', status: 'MOVED', token: 'SHR-002', newToken: 'RED-001', slot: '09:00-10:00', placement: 'ALLOCATED' },
      },
    );
    expect(moved).toMatchObject({ mode: { kind: 'board' }, cursor: { doctor: 1, target: { kind: 'token', token: 'RED-001' } } });
  });
});

describe('a: the doctor-away dialog', () => {
  it('opens on the selected doctor', () => {
    const view = viewOf(twoSeated);
    expect(run(view, { type: 'move-doctor', delta: 1 }, { type: 'open', screen: 'away' }).mode).toEqual({ kind: 'away', doctor: 1 });
  });

  it('Ctrl+C from it asks to quit, and n goes back to it', () => {
    const view = viewOf(twoSeated);
    const asked = run(view, { type: 'open', screen: 'away' }, { type: 'ask-quit' });
    expect(asked.mode).toMatchObject({ kind: 'confirm-quit', back: { kind: 'away', doctor: 0 } });
    expect(reduceDesk(asked, { type: 'answer', yes: false }, view).mode).toEqual({ kind: 'away', doctor: 0 });
  });
});

describe('u: undo asks in the words of the counter', () => {
  it('names the move it would take back, and holds its reference', () => {
    const view = viewOf([...twoSeated, { op: 'move', token: 'SHR-002', doctor: 'reddy' }]);
    expect(run(view, { type: 'undo' }).mode).toEqual({
      kind: 'confirm',
      title: 'Undo moving SHR-002 Kiran Shah to Dr. Reddy 09:00-10:00 as RED-001?',
      detail: 'The day goes back to just before it.',
      command: { op: 'undo', expect: 4 },
    });
  });
});

describe('after an undo', () => {
  it('the cursor is on the token it gave back', () => {
    const view = viewOf(twoSeated);
    const undone = run(
      view,
      { type: 'move-doctor', delta: 2 },
      { type: 'sent', result: { op: 'undo', status: 'UNDONE', undid: { op: 'move', token: 'SHR-002', seq: 4 } } },
    );
    expect(undone.cursor).toEqual({ doctor: 0, target: { kind: 'token', token: 'SHR-002' } });
  });
});

describe('the board keys', () => {
  it('m opens the move form, a the doctor-away dialog', () => {
    const state = initialDesk(viewOf([]).columns);
    expect(deskActionOf({ input: 'm', key: {} }, state)).toEqual({ type: 'open', screen: 'move' });
    expect(deskActionOf({ input: 'a', key: {} }, state)).toEqual({ type: 'open', screen: 'away' });
  });
});
