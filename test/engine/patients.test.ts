import { describe, expect, it } from 'vitest';
import { createDay, execute, findToken, isActive, matchTokens, phoneKey } from '../../src/engine/index.js';
import { desk, expectUnchanged, rosterOf } from '../support/day.js';

const twoDoctors = () => rosterOf({ sharma: [4, 4], reddy: [4, 4] });

describe('rule 9: a duplicate is the same patient (same phone and same name) with the same doctor', () => {
  it('family members sharing a phone are different patients', () => {
    const d = desk(twoDoctors());
    expect(d.book('Asha Rao', 'walk-in', undefined, { phone: '98450 12345' })).toMatchObject({ token: 'SHR-001' });
    expect(d.book('Ravi Rao', 'walk-in', undefined, { phone: '98450 12345' })).toMatchObject({ status: 'ALLOCATED', token: 'SHR-002' });
  });

  it('names compare trimmed, case-insensitive, inner spaces collapsed', () => {
    const d = desk(twoDoctors());
    d.book('Asha Rao', 'walk-in', undefined, { phone: '98450' });
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', patient: '  asha   RAO ', phone: '98450' })).toMatch(/already has active token SHR-001/);
  });

  it('098450 12345, +91 98450-12345 and 9845012345 are one phone', () => {
    expect(phoneKey('098450 12345')).toBe('+919845012345');
    expect(phoneKey('+91 98450-12345')).toBe('+919845012345');
    expect(phoneKey('9845012345')).toBe('+919845012345');
    const d = desk(twoDoctors());
    d.book('Asha', 'walk-in', undefined, { phone: '098450 12345' });
    for (const phone of ['+91 98450-12345', '9845012345']) {
      expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', patient: 'Asha', phone })).toMatch(/already has active token SHR-001/);
    }
  });

  it('a number libphonenumber-js cannot read compares by its digits', () => {
    expect(phoneKey('98450')).toBe('98450');
    const d = desk(twoDoctors());
    d.book('Asha', 'walk-in', undefined, { phone: '98-450' });
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', patient: 'Asha', phone: '98450' })).toMatch(/SHR-001/);
    expect(d.book('Asha', 'walk-in', undefined, { phone: '98451' })).toMatchObject({ token: 'SHR-002' });
  });

  it('the roster phoneRegion reads numbers without a country code', () => {
    const d = desk({ ...twoDoctors(), phoneRegion: 'US' });
    d.book('Ann', 'walk-in', undefined, { phone: '(212) 555-0100' });
    expect(expectUnchanged(d, { op: 'book', doctor: 'sharma', patient: 'Ann', phone: '+1 212 555 0100' })).toMatch(/SHR-001/);
  });

  it('a phone of more than 15 digits is refused, naming the phone field', () => {
    const day = createDay(twoDoctors());
    const outcome = execute(day, { op: 'book', doctor: 'sharma', patient: 'Asha', phone: '1234567890123456' });
    expect(outcome.result).toEqual({
      op: 'book',
      status: 'ERROR',
      error: 'phone "1234567890123456" has 16 digits: a phone number has at most 15',
    });
    expect(outcome.field).toBe('phone');
    expect(day.tokens).toHaveLength(0);
    expect(execute(day, { op: 'book', doctor: 'sharma', patient: 'Asha', phone: '123456789012345' }).result).toMatchObject({ status: 'ALLOCATED' });
  });
});

describe('engine errors name their field outside the result', () => {
  it('an unknown doctor concerns the doctor field, a missing name the patient field', () => {
    const day = createDay(twoDoctors());
    const unknown = execute(day, { op: 'book', doctor: 'nobody', patient: 'A' });
    expect(unknown.field).toBe('doctor');
    expect(Object.keys(unknown.result)).toEqual(['op', 'status', 'error']);
    expect(execute(day, { op: 'book', doctor: 'sharma', patient: ' ' }).field).toBe('patient');
    expect(execute(day, { op: 'book', doctor: 'sharma', slot: '7-8', patient: 'A' }).field).toBe('slot');
    expect(execute(day, { op: 'book', doctor: 'sharma', patient: 'A' }).field).toBeUndefined();
  });
});

describe('matchTokens: find tokens by token id, part of a name, or phone', () => {
  const day = () => {
    const d = desk(twoDoctors());
    d.book('Asha Rao', 'walk-in', undefined, { phone: '98450 12345' });
    d.book('Ravi Kumar', 'walk-in', undefined, { phone: '99000 11111' });
    d.run({ op: 'book', doctor: 'reddy', patient: 'Meena Rao', phone: '98450 12345' });
    d.run({ op: 'cancel', token: 'SHR-002' });
    return d.day;
  };
  const ids = (tokens: { id: string }[]) => tokens.map((t) => t.id);

  it('findToken, as every command and route uses it, forgives case, the dash and leading zeros', () => {
    for (const id of ['SHR-002', 'shr-2', 'SHR-0002', 'shr2', 'Shr002', ' shr2 ']) expect(findToken(day(), id)?.id, id).toBe('SHR-002');
    for (const id of ['SHR', '2', 'SHR-', 'S2', 'SHR-2-', 'XYZ-1']) expect(findToken(day(), id), id).toBeUndefined();
  });

  it('a command names a token as a receptionist would write it: shr1 checks in SHR-001', () => {
    const d = desk(rosterOf({ sharma: [2] }));
    d.book('Asha');
    expect(d.run({ op: 'check-in', token: 'shr1' })).toMatchObject({ status: 'CHECKED_IN', token: 'SHR-001' });
  });

  it('by token id, forgiving case, dash and zeros', () => {
    expect(ids(matchTokens(day(), 'shr2'))).toEqual(['SHR-002']);
    expect(ids(matchTokens(day(), 'RED-001'))).toEqual(['RED-001']);
  });

  it('by part of a name, case-insensitively, in issue order', () => {
    expect(ids(matchTokens(day(), 'rao'))).toEqual(['SHR-001', 'RED-001']);
  });

  it('by phone, written any way', () => {
    expect(ids(matchTokens(day(), '+91 98450-12345'))).toEqual(['SHR-001', 'RED-001']);
    expect(ids(matchTokens(day(), '11111'))).toEqual(['SHR-002']);
  });

  it('filters and limits', () => {
    expect(ids(matchTokens(day(), 'a', { where: isActive }))).toEqual(['SHR-001', 'RED-001']);
    expect(ids(matchTokens(day(), '', { limit: 1 }))).toEqual(['SHR-001']);
  });
});
