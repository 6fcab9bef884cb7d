import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute, type Command } from '../../src/engine/index.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { selectColumns } from '../../src/store/selectors.js';
import { cancelActionOf } from '../../src/ui/use-cancel-dialog-input.js';
import { initialCancelDialog, reduceCancelDialog, type CancelDialogAction } from '../../src/ui/cancel-dialog-state.js';
import { initialDesk, reduceDesk, type DeskAction, type DeskScreenState, type DeskView } from '../../src/ui/desk-state.js';
import { deskActionOf } from '../../src/ui/use-desk-input.js';
import { searchActive } from '../../src/store/selectors.js';
import { book } from '../support/desk.js';

function viewOf(commands: Command[], clock?: string): DeskView {
  const day = createDay(defaultRoster());
  for (const command of commands) execute(day, command);
  if (clock) execute(day, { op: 'clock', time: clock });
  const store = createDeskStore(day);
  return { columns: selectColumns(store.getState()), perPage: 2, day, quitWarning: 'kept in memory' };
}

const twoSeated = [book('Asha Rao', 'walk-in', '09:00'), book('Kiran Shah', 'online', '09:00')];

function run(view: DeskView, ...actions: DeskAction[]): DeskScreenState {
  return actions.reduce((state, action) => reduceDesk(state, action, view), initialDesk(view.columns));
}

describe('the desk screen reducer', () => {
  it('starts on the board, on the first doctor’s first open slot, with no notice', () => {
    expect(initialDesk(viewOf([]).columns)).toEqual({
      mode: { kind: 'board' },
      cursor: { doctor: 0, target: { kind: 'slot', slot: 0 } },
      notice: null,
      submit: null,
      quit: false,
    });
  });

  it('moves between doctors, wrapping around, and by a page', () => {
    const view = viewOf([]);
    expect(run(view, { type: 'move-doctor', delta: -1 }).cursor.doctor).toBe(2);
    expect(run(view, { type: 'move-doctor', delta: 1 }).cursor.doctor).toBe(1);
    expect(run(view, { type: 'page', delta: 1 }).cursor.doctor).toBe(2);
    expect(run(view, { type: 'page', delta: -1 }).cursor.doctor).toBe(1);
  });

  it('moves between slots and patients, stopping at the ends', () => {
    const view = viewOf(twoSeated);
    expect(run(view, { type: 'move-row', delta: 1 }).cursor.target).toEqual({ kind: 'token', token: 'SHR-002' });
    expect(run(view, { type: 'move-row', delta: -1 }).cursor.target).toEqual({ kind: 'slot', slot: 0 });
  });

  it('opens help, the cancel dialog and the booking form, and closes them', () => {
    const view = viewOf([]);
    expect(run(view, { type: 'open', screen: 'help' }).mode).toEqual({ kind: 'help' });
    expect(run(view, { type: 'open', screen: 'cancel' }).mode).toEqual({ kind: 'cancel' });
    expect(run(view, { type: 'open', screen: 'help' }, { type: 'close' }).mode).toEqual({ kind: 'board' });
  });

  it('opens the form on the slot under the cursor, or on the slot of the patient under it', () => {
    const view = viewOf(twoSeated);
    expect(run(view, { type: 'open', screen: 'book' }).mode).toEqual({ kind: 'book', doctor: 0, slot: '09:00-10:00' });
    expect(run(view, { type: 'move-row', delta: 1 }, { type: 'open', screen: 'book' }).mode).toEqual({ kind: 'book', doctor: 0, slot: '09:00-10:00' });
  });

  it('opens the cancel dialog on the patient under the cursor', () => {
    const view = viewOf(twoSeated);
    expect(run(view, { type: 'move-row', delta: 1 }, { type: 'open', screen: 'cancel' }).mode).toEqual({ kind: 'cancel', token: 'SHR-002' });
  });

  it('asks before quitting, with the warning; yes quits, no goes back', () => {
    const view = viewOf([]);
    const asking = run(view, { type: 'ask-quit' });
    expect(asking.mode).toEqual({ kind: 'confirm-quit', detail: 'kept in memory' });
    expect(reduceDesk(asking, { type: 'answer', yes: true }, view).quit).toBe(true);
    expect(reduceDesk(asking, { type: 'answer', yes: false }, view).mode).toEqual({ kind: 'board' });
  });

  it('n on a slot row leaves a notice; a key clears it', () => {
    const view = viewOf(twoSeated);
    const noticed = run(view, { type: 'no-show' });
    expect(noticed).toMatchObject({ mode: { kind: 'board' }, notice: 'Select a seated patient first (↑/↓), then n.', submit: null });
    expect(reduceDesk(noticed, { type: 'key' }, view).notice).toBeNull();
  });

  it('n on a seated patient asks, holding the command as data; yes makes it ready to send', () => {
    const view = viewOf(twoSeated);
    const asking = run(view, { type: 'move-row', delta: 1 }, { type: 'no-show' });
    expect(asking.mode).toEqual({
      kind: 'confirm',
      title: 'Mark SHR-002 Kiran Shah as no-show?',
      detail: 'Their seat in 09:00-10:00 goes to the first patient waiting for it.',
      command: { op: 'no-show', token: 'SHR-002' },
    });
    expect(reduceDesk(asking, { type: 'answer', yes: true }, view).submit).toEqual({ op: 'no-show', token: 'SHR-002' });
    expect(reduceDesk(asking, { type: 'answer', yes: false }, view)).toMatchObject({ mode: { kind: 'board' }, submit: null });
  });

  it('n on a waiting patient sends at once: the engine says why not', () => {
    const full = [...['A', 'B', 'C', 'D'].map((name) => book(name, 'walk-in', '09:00')), book('Wait', 'walk-in', '09:00')];
    const view = viewOf(full);
    const onWaitingRow: DeskScreenState = { ...initialDesk(view.columns), cursor: { doctor: 0, target: { kind: 'token', token: 'SHR-005' } } };
    const onWaiting = reduceDesk(onWaitingRow, { type: 'no-show' }, view);
    expect(onWaiting).toMatchObject({ mode: { kind: 'board' }, submit: { op: 'no-show', token: 'SHR-005' } });
  });

  it('t asks to move the clock to the next boundary; at the end of the day it says so', () => {
    expect(run(viewOf([], '09:00'), { type: 'clock' }).mode).toMatchObject({
      kind: 'confirm',
      title: 'Move the clock from 09:00 to 10:00?',
      command: { op: 'clock', time: '10:00' },
    });
    expect(run(viewOf([], '17:00'), { type: 'clock' })).toMatchObject({ mode: { kind: 'board' }, notice: 'The day is over: every slot has ended.' });
  });

  it('after a result: back to the board, the cursor on the token placed or promoted', () => {
    const view = viewOf(twoSeated);
    const asking = run(view, { type: 'open', screen: 'book' });
    const after = reduceDesk(asking, { type: 'sent', result: { op: 'book', status: 'ALLOCATED', token: 'SHR-002', slot: '09:00-10:00' } as never }, view);
    expect(after).toMatchObject({ mode: { kind: 'board' }, submit: null, cursor: { doctor: 0, target: { kind: 'token', token: 'SHR-002' } } });
    const cancelled = reduceDesk(asking, { type: 'sent', result: { op: 'cancel', status: 'CANCELLED', token: 'SHR-001', promoted: 'SHR-002' } as never }, view);
    expect(cancelled.cursor.target).toEqual({ kind: 'token', token: 'SHR-002' });
  });

  it('a question the day has overtaken closes with the reason; one that still applies stays', () => {
    const view = viewOf(twoSeated);
    const asking = run(view, { type: 'move-row', delta: 1 }, { type: 'no-show' });
    expect(reduceDesk(asking, { type: 'day-changed' }, view)).toBe(asking);
    execute(view.day, { op: 'cancel', token: 'SHR-002' });
    expect(reduceDesk(asking, { type: 'day-changed' }, view)).toMatchObject({
      mode: { kind: 'board' },
      notice: 'SHR-002 Kiran Shah is cancelled now: nothing was marked.',
    });
  });

  it('b for a doctor whose every slot has ended leaves a notice instead of a form', () => {
    expect(run(viewOf([], '17:00'), { type: 'open', screen: 'book' })).toMatchObject({
      mode: { kind: 'board' },
      notice: 'Every slot of Dr. Sharma has ended today.',
    });
  });

  it('Ctrl+C from a form asks to quit, and n goes back to that very form', () => {
    const view = viewOf([]);
    const inForm = run(view, { type: 'open', screen: 'book' });
    const asking = reduceDesk(inForm, { type: 'ask-quit' }, view);
    expect(asking.mode).toMatchObject({ kind: 'confirm-quit', back: inForm.mode });
    expect(reduceDesk(asking, { type: 'answer', yes: false }, view).mode).toBe(inForm.mode);
  });

  it('maps the board’s keys to actions, and answers a question with y, n, Esc', () => {
    const view = viewOf([]);
    const onBoard = initialDesk(view.columns);
    expect(deskActionOf({ input: 'b', key: {} }, onBoard)).toEqual({ type: 'open', screen: 'book' });
    expect(deskActionOf({ input: '', key: { pageDown: true } }, onBoard)).toEqual({ type: 'page', delta: 1 });
    expect(deskActionOf({ input: 'c', key: { ctrl: true } }, onBoard)).toEqual({ type: 'ask-quit' });
    const quitting = run(view, { type: 'ask-quit' });
    expect(deskActionOf({ input: 'c', key: { ctrl: true } }, quitting)).toEqual({ type: 'answer', yes: true });
    const asking = run(viewOf([], '09:00'), { type: 'clock' });
    expect(deskActionOf({ input: 'c', key: { ctrl: true } }, asking)).toBeNull();
    expect(deskActionOf({ input: '', key: { escape: true } }, asking)).toEqual({ type: 'answer', yes: false });
  });
});

describe('the cancel dialog reducer', () => {
  const view = viewOf([...twoSeated, book('Asha Iyer', 'walk-in', '10:00')]);
  const matches = (query: string) => searchActive(view.day, query, 200);
  const run = (...actions: CancelDialogAction[]) => actions.reduce((s, a) => reduceCancelDialog(s, a, matches), initialCancelDialog);
  const type = (text: string): CancelDialogAction[] => [...text].map((input) => ({ type: 'edit', press: { input, key: {} } }));

  it('typing narrows the search and puts the highlight back on the first match', () => {
    const state = run({ type: 'highlight', delta: 1 }, ...type('asha'));
    expect(state).toMatchObject({ query: { value: 'asha' }, at: 0 });
  });

  it('moves the highlight within the matches', () => {
    expect(run({ type: 'highlight', delta: 1 }, { type: 'highlight', delta: 1 }, { type: 'highlight', delta: 1 }).at).toBe(2);
    expect(run({ type: 'highlight', delta: -1 }).at).toBe(0);
  });

  it('Enter asks about the highlighted match; nothing when nothing matches', () => {
    expect(run(...type('asha'), { type: 'highlight', delta: 1 }, { type: 'enter' }).confirming).toMatchObject({ token: 'SHR-003' });
    expect(run(...type('zzz'), { type: 'enter' }).confirming).toBeNull();
  });

  it('y makes the cancellation ready; n goes back to the search with the text kept', () => {
    const asking = run(...type('kir'), { type: 'enter' });
    expect(reduceCancelDialog(asking, { type: 'answer', yes: true }, matches).submit).toEqual({ op: 'cancel', token: 'SHR-002' });
    expect(reduceCancelDialog(asking, { type: 'answer', yes: false }, matches)).toMatchObject({ confirming: null, query: { value: 'kir' } });
  });

  it('while asking, keys other than the answer change nothing', () => {
    const asking = run(...type('kir'), { type: 'enter' });
    expect(run(...type('kir'), { type: 'enter' }, ...type('x'), { type: 'highlight', delta: 1 }, { type: 'enter' })).toEqual(asking);
    expect(cancelActionOf({ input: 'x', key: {} }, asking)).toBeNull();
    expect(cancelActionOf({ input: '', key: { escape: true } }, asking)).toEqual({ type: 'answer', yes: false });
    expect(cancelActionOf({ input: '', key: { escape: true } }, initialCancelDialog)).toBe('close');
  });
});

describe('the cancel question and the day', () => {
  it('closes when its token is no longer active, and stays while it is', () => {
    const view = viewOf(twoSeated);
    const matches = (query: string) => searchActive(view.day, query, 200);
    const asking = [...'kir'].reduce((s, input) => reduceCancelDialog(s, { type: 'edit', press: { input, key: {} } }, matches), initialCancelDialog);
    const confirming = reduceCancelDialog(asking, { type: 'enter' }, matches);
    expect(reduceCancelDialog(confirming, { type: 'day-changed' }, matches)).toBe(confirming);
    execute(view.day, { op: 'cancel', token: 'SHR-002' });
    expect(reduceCancelDialog(confirming, { type: 'day-changed' }, matches)).toMatchObject({
      confirming: null,
      notice: expect.stringContaining('SHR-002 Kiran Shah is no longer booked'),
    });
  });
});
