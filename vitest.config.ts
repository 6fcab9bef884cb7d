import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The property suites run thousands of command sequences; give them room on 2 cores.
    testTimeout: 60_000,
  },
});
