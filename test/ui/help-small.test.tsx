/** The help is whole on a small terminal: every key shown, no row drawn over another. */
import { afterEach, describe, expect, it } from 'vitest';
import { helpLines } from '../../src/ui/keymap.js';
import { deskAt, type DeskOnScreen } from '../support/desk.js';

let desk: DeskOnScreen | undefined;
afterEach(() => desk?.unmount());

describe('help at 60x20', () => {
  it('lists every key, in two columns, with the chips on one line', async () => {
    desk = deskAt(60, 20);
    const frame = await desk.press('?', (f) => f.includes('seen in this order'));
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThan(20);
    for (const [label] of helpLines()) {
      const shown = label.split(' or ')[0]!;
      expect(lines.filter((line) => line.includes(` ${shown} `)).length, label).toBeGreaterThan(0);
    }
    expect(frame).toContain('EMR PAY F/U ONL WLK seen in this order');
  });
});
