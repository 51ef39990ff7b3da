import { describe, expect, it, vi } from "vitest";
import { registerTestDatabase } from "@/test/db";
import * as migrationStatus from "./migration-status";
import { getDatabaseHealth } from "./health";

vi.mock("./migration-status", async (importActual) => {
  const actual = await importActual<typeof import("./migration-status")>();
  return { ...actual, getMigrationStatus: vi.fn(actual.getMigrationStatus) };
});

registerTestDatabase();

describe("getDatabaseHealth", () => {
  it("asks for the migration status until the schema is current, then only checks that the database answers", async () => {
    const status = vi.mocked(migrationStatus.getMigrationStatus);
    const first = await getDatabaseHealth();
    expect(first).toMatchObject({ migrationsUpToDate: true, pendingMigrations: [] });
    expect(status).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i += 1) expect(await getDatabaseHealth()).toEqual(first);
    expect(status).toHaveBeenCalledTimes(1);
  });
});
