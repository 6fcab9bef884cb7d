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

describe('help at 80x24', () => {
  it('lists every key on a line of its own with its whole description, the chips on one line', async () => {
    desk = deskAt(80, 24);
    const frame = await desk.press('?', (f) => f.includes('seen in this order'));
    expect(frame.split('\n').length).toBeLessThan(24);
    const lines = frame.split('\n').map((line) => line.trim());
    for (const [label, action] of helpLines())
      expect(
        lines.some((line) => line.startsWith(label.split(' or ')[0]!) && line.endsWith(` ${action}`)),
        label,
      ).toBe(true);
    expect(frame).toContain('EMR PAY F/U ONL WLK seen in this order');
    expect(frame).not.toContain('…');
  });
});
