/** `npm run bench`: every benchmark, printed as Markdown tables for the README. */
import { benchApply } from './apply.js';
import { benchEngine } from './engine.js';

const only = process.argv[2];
const suites: Record<string, () => string> = {
  engine: () => benchEngine(),
  apply: () => benchApply(),
};

console.log(`opd-desk benchmarks on node ${process.version}\n`);
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`## ${name}\n\n${suite()}\n`);
}
