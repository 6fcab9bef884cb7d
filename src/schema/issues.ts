import type { z } from 'zod';

/** `doctors[0].slots[1].capacity` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** One line per problem, each naming its field: `doctors[0].code: must be 2–5 capital letters`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${fieldPath(issue.path)}: ${issue.message}` : issue.message))
    .join('; ');
}
