/** What the remote desk and the remote lobby share when they talk to an `opd-desk serve` server. */

export function authHeaders(key: string | undefined): Record<string, string> {
  return key === undefined ? {} : { authorization: `Bearer ${key}` };
}

/** Why a request failed, in the words the network layer gives (ECONNREFUSED, a timeout, …). */
export function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/** Why a server could not be reached, in words that say what to do. */
export function unreachableWords(base: string, cause: string): string {
  return cause === 'bad port'
    ? `port ${new URL(base).port} is one that fetch refuses (bad port): run the server on another`
    : `cannot reach the server at ${base} (${cause})`;
}

/** The server's `error` field of a refusal, else the status text. */
export async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    return body.error ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

/** The server sends a heartbeat every 15 s; a stream silent for longer is taken as broken. */
export const SILENCE_MS = 40_000;

/** The server could not be reached, or could not record the command: nothing changed there. */
export class NotSentError extends Error {}
