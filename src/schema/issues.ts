import type { z } from 'zod';

/** `doctors[0].slots[1].capacity` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

export type JsonText = { ok: true; value: unknown } | { ok: false; error: string };

/** Parses a file's text as JSON, or says it is not JSON (the start of every file check). */
export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
}

/** One line per problem, each naming its field: `doctors[0].code: must be 2–5 capital letters`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${fieldPath(issue.path)}: ${issue.message}` : issue.message)).join('; ');
}
