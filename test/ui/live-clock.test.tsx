/** On today's date the clock follows the wall clock: `t` cannot close slots ahead of time. */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoster } from '../../src/engine/index.js';
import { book, deskAt, type DeskOnScreen } from '../support/desk.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

describe('t on today’s date', () => {
  it('is refused with a notice; nothing is asked and the clock stays', async () => {
    desk = deskAt(120, 40, [book('Asha Rao', 'walk-in', '09:00')], defaultRoster(), { liveClock: true });
    const frame = await desk.press('t', (f) => f.includes('follows the wall clock'));
    expect(frame).toContain("Today's clock follows the wall clock: t only moves the clock on another date.");
    expect(frame).not.toContain('Move the clock');
    await desk.press('y');
    expect(desk.store.getState().day.clock).toBe(8 * 60);
  });

  it('still asks on another date', async () => {
    desk = deskAt(120, 40, [], defaultRoster(), { liveClock: false });
    expect(await desk.press('t', (f) => f.includes('Move the clock'))).toContain('Move the clock from 08:00 to 09:00?');
  });
});
