import { describe, expect, it } from 'vitest';
import { parseScriptLine } from '../../src/schema/script-line.js';

describe('script lines', () => {
  it('parses each op of SPEC §3', () => {
    expect(parseScriptLine('{"op":"book","doctor":"Dr. Sharma","slot":"09:00","patient":"Asha","source":"walk-in","phone":"98450"}')).toEqual({
      ok: true,
      command: { op: 'book', doctor: 'Dr. Sharma', slot: '09:00', patient: 'Asha', source: 'walk-in', phone: '98450' },
    });
    expect(parseScriptLine('{"op":"cancel","token":"SHR-001"}')).toEqual({ ok: true, command: { op: 'cancel', token: 'SHR-001' } });
    expect(parseScriptLine('{"op":"cancel","doctor":"sharma","patient":"Asha"}')).toEqual({
      ok: true,
      command: { op: 'cancel', doctor: 'sharma', patient: 'Asha' },
    });
    expect(parseScriptLine('{"op":"no-show","token":"SHR-002"}')).toEqual({ ok: true, command: { op: 'no-show', token: 'SHR-002' } });
    expect(parseScriptLine('{"op":"clock","time":"10:00"}')).toEqual({ ok: true, command: { op: 'clock', time: '10:00' } });
  });

  it('keeps a phone written as a number as text', () => {
    expect(parseScriptLine('{"op":"book","doctor":"sharma","patient":"A","phone":98450}')).toMatchObject({ command: { phone: '98450' } });
  });

  it('reports invalid JSON', () => {
    expect(parseScriptLine('{"op":"book",')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid JSON: /) });
  });

  it('reports an unknown op, naming the known ones', () => {
    expect(parseScriptLine('{"op":"teleport"}')).toEqual({
      ok: false,
      op: 'teleport',
      error: 'unknown op "teleport" (known: book, cancel, no-show, clock)',
    });
  });

  it('reports a missing op and a line that is not an object', () => {
    expect(parseScriptLine('{"doctor":"sharma"}')).toEqual({ ok: false, error: 'missing "op" (known: book, cancel, no-show, clock)' });
    expect(parseScriptLine('[1,2]')).toMatchObject({ ok: false, error: expect.stringMatching(/expected a JSON object/) });
  });

  it('reports a misspelt field instead of ignoring it', () => {
    expect(parseScriptLine('{"op":"book","doctor":"sharma","patient":"A","slott":"09:00"}')).toEqual({
      ok: false,
      op: 'book',
      error: 'unknown field "slott" for book (it takes doctor, slot, patient, source, phone)',
    });
  });

  it('reports a field of the wrong type by name', () => {
    expect(parseScriptLine('{"op":"clock","time":10}')).toEqual({ ok: false, op: 'clock', error: 'time: must be a time written HH:MM' });
  });
});
