import { describe, expect, it } from 'vitest';
import type { AbsentCommand, Result } from '../../src/engine/index.js';
import {
  absentCommandOf,
  awayFieldOf,
  initialAwayDialog,
  reduceAwayDialog,
  type AwayAction,
  type AwayChoices,
  type AwayDialogState,
} from '../../src/ui/away-dialog-state.js';

/** The engine's word, played by a small table: a bad time, a time with nothing after it, Kapoor with no slot left. */
function refusal(command: AbsentCommand): { error: string; field: 'doctor' | 'from' | 'to' } | null {
  if (command.from !== undefined && !/^\d\d:\d\d$/.test(command.from))
    return { error: `invalid from time "${command.from}" (write it as HH:MM)`, field: 'from' };
  if (command.to !== undefined && !/^\d\d:\d\d$/.test(command.to)) return { error: `invalid to time "${command.to}" (write it as HH:MM)`, field: 'to' };
  if (command.from !== undefined && command.to !== undefined && command.to <= command.from) return { error: '"to" must be after "from"', field: 'to' };
  if (command.doctor === 'kapoor') return { error: 'Dr. Kapoor has no open slot left between 09:00 and 24:00', field: 'from' };
  return null;
}
let refuseEverything = false;
const choices: AwayChoices = {
  doctorIds: ['sharma', 'reddy', 'kapoor'],
  listLimit: 5,
  refusal: (command) => (refuseEverything ? { error: 'unknown doctor "reddy"', field: 'doctor' } : refusal(command)),
};

const run = (state: AwayDialogState, ...actions: AwayAction[]) => actions.reduce((s, a) => reduceAwayDialog(s, a, choices), state);
const type = (text: string): AwayAction[] => [...text].map((input) => ({ type: 'edit', press: { input, key: {} } }));
const enter: AwayAction = { type: 'enter' };
const start = () => initialAwayDialog(1, choices);
const absentResult: Result = { op: 'absent', status: 'ABSENT', slots: ['11:00-12:00'], rebooked: [] };

describe('the doctor-away dialog reducer', () => {
  it('starts on the doctor list at the selected doctor, times empty', () => {
    expect(start()).toMatchObject({
      step: 'doctor',
      doctor: 1,
      from: { value: '' },
      to: { value: '' },
      list: { at: 1 },
      errors: {},
      submit: null,
      result: null,
    });
  });

  it('↑ ↓ pick the doctor; Enter goes on to "from"', () => {
    const state = run(start(), { type: 'highlight', delta: -1 });
    expect(state).toMatchObject({ doctor: 0, list: { at: 0 } });
    expect(run(state, enter).step).toBe('from');
  });

  it('types into the time field of the step only; not into the doctor list', () => {
    expect(run(start(), ...type('11'))).toEqual(start());
    const state = run(start(), enter, ...type('11:00'), enter, ...type('13:00'));
    expect([state.from.value, state.to.value]).toEqual(['11:00', '13:00']);
  });

  it('empty times are left to the engine (from now, to the end of the day)', () => {
    expect(absentCommandOf(start(), choices)).toEqual({ op: 'absent', doctor: 'reddy' });
    expect(absentCommandOf(run(start(), enter, ...type(' 11:00 ')), choices)).toEqual({ op: 'absent', doctor: 'reddy', from: '11:00' });
  });

  it('Enter on "to" shows the preview when the engine would accept; y makes the command', () => {
    const preview = run(start(), enter, ...type('11:00'), enter, enter);
    expect(preview).toMatchObject({ step: 'preview', submit: null });
    expect(run(preview, { type: 'answer', yes: true }).submit).toEqual({ op: 'absent', doctor: 'reddy', from: '11:00' });
  });

  it('n at the preview goes back to "to", nothing sent', () => {
    const preview = run(start(), enter, enter, enter);
    expect(run(preview, { type: 'answer', yes: false })).toMatchObject({ step: 'to', submit: null });
  });

  it('a bad time stops the dialog on its field when it is left, the engine’s word beside it; fixing it clears it', () => {
    const refused = run(start(), enter, ...type('11.5'), enter);
    expect(refused).toMatchObject({ step: 'from', errors: { from: 'invalid from time "11.5" (write it as HH:MM)' } });
    const fixed = run(refused, { type: 'edit', press: { input: '', key: { backspace: true } } });
    expect(fixed.errors).toEqual({});
    expect(run(fixed, { type: 'edit', press: { input: '', key: { backspace: true } } }, ...type(':00'), enter).step).toBe('to');
  });

  it('an error about an earlier field sends the dialog back to it from "to"', () => {
    const refused = run(start(), { type: 'highlight', delta: 1 }, enter, enter, enter);
    expect(refused).toMatchObject({ step: 'from', errors: { from: 'Dr. Kapoor has no open slot left between 09:00 and 24:00' } });
    const wrongOrder = run(start(), enter, ...type('12:00'), enter, ...type('11:00'), enter);
    expect(wrongOrder).toMatchObject({ step: 'to', errors: { to: '"to" must be after "from"' } });
  });

  it('Tab and ↑ ↓ in a time move between fields; Tab never jumps into the preview', () => {
    const onFrom = run(start(), enter);
    expect(run(onFrom, { type: 'field', delta: 1 }).step).toBe('to');
    expect(run(onFrom, { type: 'highlight', delta: 1 }).step).toBe('to');
    expect(run(onFrom, { type: 'highlight', delta: -1 }).step).toBe('doctor');
    expect(run(onFrom, { type: 'field', delta: 1 }, { type: 'field', delta: 1 }).step).toBe('to');
  });

  it('Esc goes back one step; on the doctor the shell closes the dialog', () => {
    const preview = run(start(), enter, enter, enter);
    expect(run(preview, { type: 'back' }).step).toBe('to');
    expect(run(preview, { type: 'back' }, { type: 'back' }, { type: 'back' }).step).toBe('doctor');
    expect(run(start(), { type: 'back' })).toEqual(start());
  });

  it('after sending: the result stays on the dialog', () => {
    const sent = run(start(), enter, enter, enter, { type: 'answer', yes: true }, { type: 'sent', result: absentResult });
    expect(sent).toMatchObject({ step: 'result', submit: null, result: absentResult });
    expect(run(sent, ...type('y'), { type: 'answer', yes: true })).toEqual(sent);
  });

  it('a refusal after sending goes beside its field, with what was typed kept', () => {
    const sent = run(start(), enter, ...type('11:00'), enter, enter, { type: 'answer', yes: true });
    const refused = run(sent, { type: 'refused', error: 'the journal could not be written', field: 'doctor' });
    expect(refused).toMatchObject({ step: 'doctor', submit: null, from: { value: '11:00' }, errors: { doctor: 'the journal could not be written' } });
  });

  it('a preview the day has overtaken goes back, saying why; one still good stays', () => {
    const preview = run(start(), enter, enter, enter);
    expect(run(preview, { type: 'day-changed' })).toEqual(preview);
    refuseEverything = true;
    try {
      expect(run(preview, { type: 'day-changed' })).toMatchObject({ step: 'doctor', errors: { doctor: 'unknown doctor "reddy"' } });
      expect(run(start(), { type: 'day-changed' })).toEqual(start());
    } finally {
      refuseEverything = false;
    }
  });

  it('an engine field becomes the dialog’s field; anything else is about the doctor', () => {
    expect([awayFieldOf('from'), awayFieldOf('to'), awayFieldOf('doctor'), awayFieldOf(undefined)]).toEqual(['from', 'to', 'doctor', 'doctor']);
  });
});
