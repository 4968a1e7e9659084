import { defineConfig } from 'vitest/config';

// Five suites with different costs: unit and web (milliseconds, no I/O), infra (CDK synth,
// seconds a stack), integration (the real local stand-ins, started once per run) and e2e
// (Chromium driving the built staff app against its own local stack). `npm test` runs e2e in
// a second vitest process: the local stack sets the handlers' configuration in process.env,
// so two stacks (integration's and e2e's) cannot share one process.
export default defineConfig({
  test: {
    // The JSON report lets CI print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: process.env.LANTERN_TEST_REPORT ?? '.test-report.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One local stack is shared by every file: run files one after another.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'web',
          include: ['test/web/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          // One browser at a time against one stack: two cores are shared by everything.
          fileParallelism: false,
        },
      },
    ],
  },
});
