/** The readable form of `opd-desk apply` (without --json): the result list, then the board. */
import { boardOf, type Day, type Result } from '../engine/index.js';
import type { LineResult } from './run-script.js';

/** One line describing a result, e.g. `REALLOCATED SHR-004 09:00-10:00 displaced SHR-002`. */
/** The op column of a result line: as wide as the longest op (`check-in`, `no-show`). */
export const OP_COLUMN = 8;

export function resultLine(result: Result): string {
  switch (result.status) {
    case 'ERROR':
      return `ERROR ${result.error}`;
    case 'OK':
      return `OK clock ${result.time}`;
    case 'REJECTED':
      return `REJECTED ${result.slot}: ${result.reason}`;
    case 'CANCELLED':
    case 'NO_SHOW':
      return [result.status, result.token, result.promoted && `promoted ${result.promoted}`].filter(Boolean).join(' ');
    case 'CHECKED_IN':
    case 'COMPLETED':
      return `${result.status} ${result.token}`;
    case 'CALLED':
      return [result.status, result.token, result.slot, result.completed && `completed ${result.completed}`].filter(Boolean).join(' ');
    case 'MOVED': {
      const parts = [result.status, result.token, result.newToken && `as ${result.newToken}`, result.placement, result.slot];
      if (result.displaced) parts.push(`displaced ${result.displaced}`);
      if (result.position !== undefined) parts.push(`overflow position ${result.position}`);
      if (result.promoted) parts.push(`promoted ${result.promoted}`);
      return parts.filter(Boolean).join(' ');
    }
    case 'ABSENT': {
      const moved = result.rebooked.map((r) => `${r.token}${r.newToken ? `→${r.newToken}` : ''} ${r.placement} ${r.slot}`);
      return [`ABSENT ${result.slots.join(', ')}`, result.completed && `completed ${result.completed}`, ...moved].filter(Boolean).join('; ');
    }
    case 'UNDONE': {
      const at = result.undid.line !== undefined ? `line ${result.undid.line}` : `seq ${result.undid.seq}`;
      return ['UNDONE', result.undid.op, result.undid.token, `(${at})`].filter(Boolean).join(' ');
    }
    default: {
      const parts: (string | undefined)[] = [result.status, result.token, result.slot];
      if (result.displaced) parts.push(`displaced ${result.displaced}`);
      if (result.position !== undefined) parts.push(`overflow position ${result.position}`);
      if (result.warning) parts.push(`(warning: ${result.warning})`);
      return parts.filter(Boolean).join(' ');
    }
  }
}

export function textBoard(day: Day): string {
  const board = boardOf(day);
  const out: string[] = [`Clock ${board.clock}`];
  board.doctors.forEach((doctor, d) => {
    out.push('', doctor.name);
    doctor.slots.forEach((slot, s) => {
      if (day.doctors[d]?.slots[s]?.closed) {
        out.push(`  ${slot.slot}  ended`);
        return;
      }
      const chips = slot.patients.map((p) => `${p.token} ${p.patient} (${p.source})`).join(', ');
      out.push(`  ${slot.slot}  ${slot.patients.length}/${slot.capacity}  ${chips}`.trimEnd());
    });
    if (doctor.overflow.length > 0) {
      out.push('  overflow:');
      doctor.overflow.forEach((entry, i) => {
        out.push(`    ${i + 1}. ${entry.token} ${entry.patient} (${entry.source}) for ${entry.slot}`);
      });
    }
  });
  return out.join('\n');
}

export function textReport(day: Day, results: readonly LineResult[]): string {
  return `${[...textReportLines(day, results)].join('\n')}\n`;
}

/** The same report a line at a time (no newlines), for writing a long one without holding it. */
export function* textReportLines(day: Day, results: readonly LineResult[]): Generator<string> {
  const width = String(results.at(-1)?.line ?? 0).length;
  for (const r of results) yield `line ${String(r.line).padStart(width)}  ${(r.op ?? '?').padEnd(OP_COLUMN)}  ${resultLine(r)}`;
  const failed = results.filter((r) => r.status === 'ERROR').length;
  yield `${results.length} command${results.length === 1 ? '' : 's'}: ${results.length - failed} applied, ${failed} failed`;
  yield '';
  yield textBoard(day);
}
