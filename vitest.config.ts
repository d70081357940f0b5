import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          setupFiles: ["tests/support/offline.ts"],
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "site",
          setupFiles: ["tests/support/offline.ts"],
          include: ["tests/build/**/*.test.ts", "tests/browser/**/*.test.ts"],
          globalSetup: ["tests/support/fixture-builds.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One build at a time: the machine has two cores and each build uses both.
          fileParallelism: false,
        },
      },
    ],
  },
});
