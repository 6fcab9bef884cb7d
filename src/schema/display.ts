/** The server's display feed as a lobby on another machine reads it: checked at the edge like any input. */
import { z } from 'zod';

const tokenId = z.string().max(32);

export const displayViewSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  clock: z.string().regex(/^\d{2}:\d{2}$/),
  doctors: z
    .array(
      z.object({
        id: z.string().max(100),
        code: z.string().max(32),
        name: z.string().max(200),
        now: tokenId.nullable(),
        next: z.array(tokenId).max(10),
        waiting: z.number().int().nonnegative(),
        away: z.boolean(),
      }),
    )
    .max(10_000),
});

export type DisplayFeedView = z.infer<typeof displayViewSchema>;

/** The view in a feed event's data, or null when it is not one. */
export function parseDisplayView(data: string): DisplayFeedView | null {
  try {
    const parsed = displayViewSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
