/** The replay's fast check of stored commands agrees with the input schemas: never looser, same command. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPS } from '../../src/engine/index.js';
import { quickCommand } from '../../src/journal/quick-check.js';
import { parseScriptLine } from '../../src/schema/script-line.js';

const FIELDS = ['doctor', 'slot', 'patient', 'source', 'phone', 'token', 'time', 'from', 'to', 'expect', 'extra', '__proto__'];
const VALUES = [
  'sharma',
  'Dr. Reddy',
  '09:00',
  'SHR-001',
  'Asha Rao',
  '',
  'x'.repeat(100),
  'x'.repeat(101),
  'Inj \u001b]0;x\u0007',
  '\u202eevil',
  '\u009b2J',
  'देवनागरी 👩‍⚕️',
  0,
  1,
  7,
  -3,
  2.5,
  98450,
  null,
  true,
  [],
  {},
  ['sharma'],
];

const documentArbitrary = fc
  .record({
    op: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...OPS) }, { weight: 1, arbitrary: fc.constantFrom('BOOK', 'toString', '', 3, null) }),
    fields: fc.shuffledSubarray(FIELDS, { maxLength: 5 }),
    values: fc.array(fc.constantFrom(...VALUES), { minLength: 5, maxLength: 5 }),
    opFirst: fc.boolean(),
  })
  .map(({ op, fields, values, opFirst }) => {
    const entries: [string, unknown][] = fields.map((field, i) => [field, values[i]]);
    return Object.fromEntries(opFirst ? [['op', op], ...entries] : [...entries, ['op', op]]);
  });

describe('the quick check of a stored command', () => {
  it('accepts only what the schemas accept, giving the same command, fields in the same order', () => {
    let accepted = 0;
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        const text = JSON.stringify(document);
        const quick = quickCommand(text);
        if (quick === undefined) return;
        accepted += 1;
        const parsed = parseScriptLine(text);
        expect(parsed.ok, text).toBe(true);
        if (parsed.ok) expect(JSON.stringify(quick)).toBe(JSON.stringify(parsed.command));
      }),
      { numRuns: 20_000 },
    );
    // Not vacuous: a good share of the generated commands take the fast path.
    expect(accepted).toBeGreaterThan(1000);
  });

  it('takes the fast path for the commands a day journal holds', () => {
    for (const command of [
      { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00', source: 'walk-in', phone: '98450 11111' },
      { op: 'cancel', token: 'SHR-001' },
      { op: 'clock', time: '10:00' },
      { op: 'move', token: 'SHR-002', doctor: 'reddy' },
      { op: 'undo', expect: 4 },
      { op: 'undo' },
    ]) {
      const text = JSON.stringify(command);
      expect(quickCommand(text), text).toEqual(command);
    }
  });

  it('leaves to the schemas a phone written as a number, an unknown field, a missing required field, a name too long, controls', () => {
    for (const document of [
      { op: 'book', doctor: 'sharma', patient: 'A', phone: 98450 },
      { op: 'book', doctor: 'sharma', patient: 'A', bed: 3 },
      { op: 'clock' },
      { op: 'book', patient: 'x'.repeat(101) },
      { op: 'book', patient: 'Inj \u001b]0;x\u0007' },
      { op: 'undo', expect: 0 },
      { op: { toString: 1 } },
    ]) {
      expect(quickCommand(JSON.stringify(document))).toBeUndefined();
    }
    expect(quickCommand('not json')).toBeUndefined();
    expect(quickCommand(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });
});
