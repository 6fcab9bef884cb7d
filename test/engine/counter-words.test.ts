/** Refusals in the counter's language: what happened and when, not internal status names. */
import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster } from '../../src/engine/index.js';
import { createDeskStore } from '../../src/store/desk-store.js';
import { book } from '../support/desk.js';

function store() {
  const s = createDeskStore(createDay(defaultRoster()));
  for (const name of ['Asha Rao', 'Kiran Shah', 'Dev Patel', 'Meena Iyer', 'Ravi Kumar']) s.getState().dispatch(book(name, 'walk-in', '10:00'));
  return s;
}
const line = (s: ReturnType<typeof store>) => s.getState().last!.text;

describe('refusals at the desk', () => {
  it('cancelling twice: "was already cancelled at 09:12"', () => {
    const s = store();
    s.getState().dispatch({ op: 'clock', time: '09:12' });
    s.getState().dispatch({ op: 'cancel', token: 'SHR-004' });
    s.getState().dispatch({ op: 'cancel', token: 'shr-4' });
    expect(line(s)).toBe('Not done: SHR-004 Meena Iyer was already cancelled at 09:12: nothing was changed.');
  });

  it('a no-show for a patient marked before, or seen, says which and when', () => {
    const s = store();
    s.getState().dispatch({ op: 'no-show', token: 'SHR-001' });
    s.getState().dispatch({ op: 'no-show', token: 'SHR-001' });
    expect(line(s)).toBe('Not done: SHR-001 Asha Rao was already marked no-show at 08:00: nothing was changed.');
    s.getState().dispatch({ op: 'clock', time: '11:00' });
    s.getState().dispatch({ op: 'check-in', token: 'SHR-002' });
    expect(line(s)).toBe('Not done: SHR-002 Kiran Shah was already seen (completed at 11:00): nothing was changed.');
  });

  it('a no-show for a waiting patient says where they wait', () => {
    const s = store();
    s.getState().dispatch({ op: 'no-show', token: 'SHR-005' });
    expect(line(s)).toBe('Not done: SHR-005 Ravi Kumar is waiting for 10:00-11:00 (overflow #1), not seated: only a seated patient can be marked no-show.');
  });

  it('a duplicate booking names the token the patient holds and where', () => {
    const s = store();
    s.getState().dispatch({ op: 'book', doctor: 'reddy', patient: 'Gopal Rao', phone: '+91 98450-12345' });
    s.getState().dispatch({ op: 'book', doctor: 'reddy', patient: 'gopal  rao', phone: '098450 12345' });
    expect(line(s)).toBe('Not done: Gopal Rao already holds RED-001 with Dr. Reddy (seated in 09:00-10:00).');
  });

  it('other refusals keep the engine’s own words', () => {
    const s = store();
    s.getState().dispatch({ op: 'cancel', token: 'SHR-404' });
    expect(line(s)).toBe('Not done: unknown token "SHR-404"');
  });
});
