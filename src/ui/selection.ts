/** Where the receptionist's cursor is: a doctor, and within it a slot or a patient. */
import type { ColumnView } from '../store/selectors.js';

export type Target = { kind: 'slot'; slot: number } | { kind: 'token'; token: string };

export interface Selection {
  doctor: number;
  target: Target | null;
}

/** The rows the cursor stops at in a column: each open slot, its patients, then the overflow queue. */
export function selectableRows(column: ColumnView): Target[] {
  const rows: Target[] = [];
  for (const slot of column.slots) {
    if (slot.closed) continue;
    rows.push({ kind: 'slot', slot: slot.index });
    for (const chip of slot.chips) rows.push({ kind: 'token', token: chip.token });
  }
  for (const entry of column.overflow) rows.push({ kind: 'token', token: entry.token });
  return rows;
}

export function sameTarget(a: Target | null, b: Target | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'slot') return b.kind === 'slot' && a.slot === b.slot;
  return b.kind === 'token' && a.token === b.token;
}

/** The selection's target if it is still on the board, else the nearest sensible row. */
export function settle(column: ColumnView | undefined, target: Target | null, fallbackIndex = 0): Target | null {
  if (!column) return null;
  const rows = selectableRows(column);
  if (rows.length === 0) return null;
  if (target && rows.some((row) => sameTarget(row, target))) return target;
  if (target?.kind === 'token') {
    // A patient who left the board: stay on their slot if it is still open.
    const slot = column.slots.find((s) => s.chips.some((c) => c.token === target.token));
    if (slot && !slot.closed) return { kind: 'slot', slot: slot.index };
  }
  return rows[Math.min(Math.max(0, fallbackIndex), rows.length - 1)] ?? null;
}

/** Moves the cursor up (-1) or down (+1) within a column. */
export function step(column: ColumnView, target: Target | null, delta: number): Target | null {
  const rows = selectableRows(column);
  if (rows.length === 0) return null;
  const at = target ? rows.findIndex((row) => sameTarget(row, target)) : -1;
  const next = at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + delta));
  return rows[next] ?? null;
}

/** The slot a target is in or about (for prefilling the booking form). */
export function slotOfTarget(column: ColumnView, target: Target | null): number | undefined {
  if (!target) return undefined;
  if (target.kind === 'slot') return target.slot;
  const seated = column.slots.find((s) => s.chips.some((c) => c.token === target.token));
  if (seated) return seated.index;
  const waiting = column.overflow.find((o) => o.token === target.token);
  return waiting ? column.slots.find((s) => s.label === waiting.slot)?.index : undefined;
}
