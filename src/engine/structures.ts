/** The day's indexes kept in step with every change: seats in service order, overflow counters, active patients. */
import { servedBefore, type Doctor, type Slot, type Token } from './model.js';
import { nameKey, patientKey } from './patient.js';
import { isActive } from './status.js';

/** Where `token` stands, or would stand, in a slot's service order: binary search. */
export function serviceIndex(booked: readonly Token[], token: Token): number {
  let low = 0;
  let high = booked.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (servedBefore(booked[mid] as Token, token)) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function insertSeat(slot: Slot, token: Token): void {
  const booked = slot.booked;
  const at = serviceIndex(booked, token);
  if (at === booked.length) booked.push(token);
  else booked.splice(at, 0, token);
}

export function removeSeat(slot: Slot, token: Token): void {
  slot.booked.splice(serviceIndex(slot.booked, token), 1);
}

/** 1-based place in the doctor's overflow queue (priority, then arrival) in O(log n). */
export function queuePosition(token: Token): number {
  const doctor = token.doctor;
  let ahead = 0;
  for (let p = 1; p < token.priority; p++) ahead += doctor.waitingByPriority[p] as number;
  if (token.transferred) {
    // Rare: a token moved in from another doctor keeps an older arrival than its number says.
    for (const slot of doctor.slots)
      for (const other of slot.waiting.values()) if (other.priority === token.priority && !servedBefore(token, other)) ahead += 1;
    return ahead;
  }
  ahead += doctor.waitingBySeq[token.priority]!.prefix(token.seq);
  for (const other of doctor.waitingTransferred) if (other.priority === token.priority && other.arrival < token.arrival) ahead += 1;
  return ahead;
}

export function joinQueue(token: Token): void {
  const doctor = token.doctor;
  token.slot.waiting.push(token);
  doctor.waitingCount += 1;
  (doctor.waitingByPriority[token.priority] as number) += 1;
  if (token.transferred) doctor.waitingTransferred.push(token);
  else doctor.waitingBySeq[token.priority]?.add(token.seq, 1);
}

export function leaveQueue(token: Token): void {
  const doctor = token.doctor;
  token.slot.waiting.remove(token);
  doctor.waitingCount -= 1;
  (doctor.waitingByPriority[token.priority] as number) -= 1;
  if (token.transferred) doctor.waitingTransferred.splice(doctor.waitingTransferred.indexOf(token), 1);
  else doctor.waitingBySeq[token.priority]?.add(token.seq, -1);
}

export function registerActive(token: Token): void {
  const doctor = token.doctor;
  if (token.phoneKey !== null) doctor.activeByPatient.set(patientKey(token.phoneKey, token.patient), token);
  if (doctor.activeByName !== null) indexName(doctor.activeByName, token);
}

export function indexName(byName: Map<string, Token | Token[]>, token: Token): void {
  const key = nameKey(token.patient);
  const sameName = byName.get(key);
  if (sameName === undefined) byName.set(key, token);
  else if (Array.isArray(sameName)) sameName.push(token);
  else byName.set(key, [sameName, token]);
}

export function releaseActive(token: Token): void {
  const doctor = token.doctor;
  if (token.phoneKey !== null) doctor.activeByPatient.delete(patientKey(token.phoneKey, token.patient));
  const byName = doctor.activeByName;
  if (byName === null) return;
  const key = nameKey(token.patient);
  const sameName = byName.get(key) as Token | Token[];
  if (!Array.isArray(sameName)) byName.delete(key);
  else if (sameName.length === 2) byName.set(key, sameName[0] === token ? sameName[1]! : sameName[0]!);
  else sameName.splice(sameName.indexOf(token), 1);
}

/** A doctor's active tokens with this name, building the name index on first use. */
export function activeTokensNamed(doctor: Doctor, patient: string): readonly Token[] {
  if (doctor.activeByName === null) {
    const byName = new Map<string, Token | Token[]>();
    for (const token of doctor.tokens) {
      if (isActive(token)) indexName(byName, token);
    }
    doctor.activeByName = byName;
  }
  const found = doctor.activeByName.get(nameKey(patient));
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}
