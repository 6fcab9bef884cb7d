/** Token statuses (SPEC §1, §5) and the named questions the rules ask about them. */

export const STATUSES = ['BOOKED', 'WAITLISTED', 'CANCELLED', 'NO_SHOW', 'COMPLETED', 'UNSERVED', 'MOVED', 'VOIDED'] as const;
export type Status = (typeof STATUSES)[number];

/** Holds a seat or an overflow place: the token can still be served, cancelled or moved. */
export function isActive(token: { status: Status }): boolean {
  return token.status === 'BOOKED' || token.status === 'WAITLISTED';
}

export function isBooked(token: { status: Status }): boolean {
  return token.status === 'BOOKED';
}

export function isWaitlisted(token: { status: Status }): boolean {
  return token.status === 'WAITLISTED';
}

/** Reached a status nothing changes any more. */
export function isFinal(token: { status: Status }): boolean {
  return !isActive(token);
}

export type StatusCounts = Record<Status, number>;

/** How many tokens are in each status: the one counter behind the report and the desk's header. */
export function countStatuses(tokens: Iterable<{ status: Status }>): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const token of tokens) counts[token.status] += 1;
  return counts;
}
