/** `npm run bench`: every benchmark, printed as Markdown tables for the README. */
// Measure what users run: React's production build (see src/cli/main.ts).
process.env.NODE_ENV ??= 'production';
const { benchApply } = await import('./apply.js');
const { benchEngine } = await import('./engine.js');
const { benchRender, benchStartup } = await import('./render.js');
const { benchSimulate } = await import('./simulate.js');
const { benchJournal } = await import('./journal.js');
const { benchUndo } = await import('./undo.js');
const { benchTokenHistory } = await import('./token-history.js');
const { benchServe } = await import('./serve.js');
const { benchPostgres } = await import('./postgres.js');

const only = process.argv[2];
const suites: Record<string, () => string | Promise<string>> = {
  engine: () => benchEngine(),
  'engine-flow': () => benchEngine(5, true),
  undo: () => benchUndo(),
  'token-history': () => benchTokenHistory(),
  apply: () => benchApply(),
  render: () => benchRender(),
  startup: () => benchStartup(),
  simulate: () => benchSimulate(),
  journal: () => benchJournal(),
  serve: () => benchServe(),
  postgres: () => benchPostgres(),
};

console.log(`opd-desk benchmarks on node ${process.version}\n`);
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`## ${name}\n\n${await suite()}\n`);
}
