import { defineConfig } from "vitest/config";

/**
 * Three projects. Unit tests, the integration tests against a real server and the browser tests that
 * only load pages run two files at a time: most of such a file's time is spent waiting on its server,
 * its databases and its timers, not on a core. Then, on their own and one at a time, the files that
 * need the machine's cores to themselves: Chromium playing runs (three.js rendered in software) and
 * the crash test, which kills servers mid-burst and measures what survives.
 */
const ALONE = [
  "test/integration/crash.test.ts",
  "test/e2e/kiosk.test.ts",
  "test/e2e/trainer.test.ts",
  "test/e2e/play.test.ts",
  "test/e2e/guest-run.test.ts",
  "test/e2e/replay.test.ts",
  "test/e2e/admin.test.ts",
  "test/e2e/accessibility.test.ts",
  "test/e2e/scenario-editor.test.ts",
  "test/e2e/playlist.test.ts",
];
const AGAINST_THE_SERVER = {
  globalSetup: ["test/support/global-setup.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    projects: [
      {
        extends: true,
        // The timeout only catches a hang: randomized tests take seconds when the cores are shared.
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 30_000, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "integration", include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"], exclude: ALONE, maxWorkers: 2, sequence: { groupOrder: 0 }, ...AGAINST_THE_SERVER },
      },
      {
        extends: true,
        test: { name: "alone", include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 }, ...AGAINST_THE_SERVER },
      },
    ],
  },
});
