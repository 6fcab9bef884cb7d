/** Finding tokens by what a receptionist types: a token id, part of a name, or a phone. */
import { findToken, type Day, type Token } from './model.js';
import { nameKey, normalisePhone, phoneKey } from './patient.js';

export interface MatchOptions {
  /** Keep only the tokens this predicate accepts (e.g. `isActive`). */
  where?: (token: Token) => boolean;
  /** Stop after this many matches. */
  limit?: number;
}

const TOKEN_LIKE = /^([A-Za-z]{2,5})-?(\d{1,9})$/;

/**
 * The tokens a query names, in issue order: the token with that id (`SHR-004`, `shr4`, `shr-4`)
 * when there is one, else tokens whose patient name contains the query (case- and spacing-insensitive), and tokens whose
 * phone contains its digits (three or more) or is the same number. An empty query matches all.
 */
export function matchTokens(day: Day, query: string, options: MatchOptions = {}): Token[] {
  const where = options.where ?? (() => true);
  const limit = options.limit ?? Infinity;
  const text = nameKey(query);
  const found: Token[] = [];
  const idMatch = TOKEN_LIKE.exec(text);
  const byId = idMatch ? findToken(day, `${idMatch[1]}-${idMatch[2]}`) : undefined;
  // A query that names an existing token means that token, not the digits in its number.
  if (byId) return where(byId) ? [byId] : [];
  const compact = /\p{L}/u.test(query) ? null : normalisePhone(query);
  const digits = compact === null ? '' : compact.replace(/\D/g, '');
  const number = digits.length >= 3 && compact !== null ? phoneKey(compact, day.phoneRegion) : null;
  for (const token of day.tokens) {
    if (found.length >= limit) break;
    if (!where(token)) continue;
    const byName = text !== '' && nameKey(token.patient).includes(text);
    const byPhone = number !== null && token.phone !== null && (token.phoneKey === number || token.phone.replace(/\D/g, '').includes(digits));
    if (text === '' || byName || byPhone) found.push(token);
  }
  return found;
}
