import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // The property suites run thousands of command sequences; give them room on 2 cores.
    testTimeout: 60_000,
    // Frames carry colour codes, so one test can check that emergencies are coloured; the
    // snapshot tests strip them.
    env: { FORCE_COLOR: '1' },
  },
});
