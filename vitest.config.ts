import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // The property suites run thousands of command sequences; give them room on 2 cores.
    testTimeout: 60_000,
    // Frames carry colour codes, so one test can check that emergencies are coloured; the
    // snapshot tests strip them.
    // XDG_DATA_HOME: no test, nor any process a test starts, can reach a real desk's journal.
    // One folder per run, so two checkouts testing at once never share a journal.
    env: { FORCE_COLOR: '1', XDG_DATA_HOME: join(tmpdir(), `opd-desk-test-data-${process.pid}`) },
  },
});
