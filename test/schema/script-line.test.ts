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
      error: 'unknown op "teleport" (known: book, cancel, no-show, clock, check-in, call, done, move, absent, undo)',
    });
  });

  it('reports a missing op and a line that is not an object', () => {
    expect(parseScriptLine('{"doctor":"sharma"}')).toEqual({
      ok: false,
      error: 'missing "op" (known: book, cancel, no-show, clock, check-in, call, done, move, absent, undo)',
    });
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

describe('script lines for the front-desk flow (SPEC §5)', () => {
  it('parses check-in, call, done, move, absent and undo', () => {
    for (const line of [
      '{"op":"check-in","token":"SHR-001"}',
      '{"op":"call","doctor":"sharma"}',
      '{"op":"done","token":"SHR-001"}',
      '{"op":"move","token":"SHR-001","doctor":"reddy","slot":"10:00"}',
      '{"op":"absent","doctor":"reddy","from":"11:00","to":"13:00"}',
      '{"op":"undo","expect":3}',
    ]) {
      expect(parseScriptLine(line)).toEqual({ ok: true, command: JSON.parse(line) });
    }
  });

  it('names the bad field', () => {
    expect(parseScriptLine('{"op":"move"}')).toMatchObject({ ok: false, error: expect.stringMatching(/token/) });
    expect(parseScriptLine('{"op":"undo","expect":"three"}')).toMatchObject({ ok: false, error: expect.stringMatching(/expect/) });
    expect(parseScriptLine('{"op":"absent","doctor":"reddy","until":"12:00"}')).toMatchObject({
      ok: false,
      error: 'unknown field "until" for absent (it takes doctor, from, to)',
    });
  });
});
