/** Times `opd-desk ARGS` in a 120x40 pseudo-terminal (util-linux `script`) until `ready(screen)`. */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../opd-desk.js', import.meta.url));

export function timeToScreen(args: string, ready: (screen: string) => boolean, limitMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('script', ['-qfec', `stty cols 120 rows 40; exec ${CLI} ${args}`, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      // Ink draws only a final frame when it believes it runs in CI.
      env: { ...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
    });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nothing ready after ${limitMs} ms: ${JSON.stringify(seen.slice(-200))}`));
    }, limitMs);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (ready(seen)) {
        const elapsed = performance.now() - start;
        clearTimeout(timer);
        child.kill('SIGTERM');
        child.on('exit', () => resolve(elapsed));
      }
    });
  });
}
