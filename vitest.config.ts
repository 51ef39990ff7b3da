import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside React Server bundles; tests run lib/ code directly.
      { find: /^server-only$/, replacement: path.join(root, "test/server-only-stub.ts") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "test/**/*.test.ts"],
    // `*.postgres.test.ts` test what only a PostgreSQL server offers (several nodes, several
    // processes sharing it; an in-memory PGlite belongs to one process): they run in the
    // PostgreSQL stage (TEST_DATABASE_URL set), and fail rather than skip if run by hand without it.
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL?.trim() ? [] : ["**/*.postgres.test.ts"])],
    pool: "forks",
    // Vitest's default is one fork less than the cores: one fork on CI's two. The files spend
    // much of their time waiting on their database, so two forks finish in about 60% of the time.
    maxWorkers: 2,
    environment: "node",
    setupFiles: ["test/setup-env.ts"],
    // One migrated database per run, copied by every file (test/db.ts).
    globalSetup: ["test/global-setup.ts"],
    // Each file opens its own database (PGlite start-up and migrations take seconds).
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
