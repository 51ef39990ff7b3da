import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import {
  createThrowawayDatabase,
  describeTestDatabase,
  dropThrowawayDatabase,
  testDatabaseServerUrl,
  truncateAllTables,
  registerTestDatabase,
} from "./db";
import { addMember, createUser, createWorkshop } from "./factories";

const prisma = registerTestDatabase();

async function countRowsPerTable(): Promise<Record<string, number>> {
  const tables = await prisma().$queryRaw<{ name: string }[]>`
    select tablename as name from pg_tables
     where schemaname = current_schema() and tablename <> '_prisma_migrations'`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await prisma().$queryRawUnsafe<{ count: number }[]>(`select count(*)::int as count from "${name}"`);
    counts[name] = row.count;
  }
  return counts;
}

describe("test database", () => {
  it("has every migration in prisma/migrations applied", async () => {
    const dir = fileURLToPath(new URL("../prisma/migrations", import.meta.url));
    const expected = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
      .map((entry) => entry.name)
      .sort();
    expect(expected.length).toBeGreaterThan(0);

    const applied = await prisma().$queryRaw<{ name: string; finished: boolean; rolledBack: boolean }[]>`
      select migration_name as name, finished_at is not null as finished, rolled_back_at is not null as "rolledBack"
        from _prisma_migrations order by migration_name`;
    expect(applied.map((row) => row.name)).toEqual(expected);
    expect(applied.every((row) => row.finished && !row.rolledBack)).toBe(true);
  });

  it("starts empty", async () => {
    const counts = await countRowsPerTable();
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(["User", "Workshop", "Membership"]));
    expect(Object.entries(counts).filter(([, count]) => count > 0)).toEqual([]);
  });

  it("is this file's own database", async () => {
    const info = describeTestDatabase();
    if (testDatabaseServerUrl()) {
      expect(info.kind).toBe("postgres");
      const [row] = await prisma().$queryRaw<{ name: string }[]>`select current_database() as name`;
      expect(row.name).toBe(info.throwawayName);
      expect(row.name).toMatch(/^rapporteur_t_[0-9a-f]+$/);
    } else {
      expect(info.kind).toBe("pglite");
      expect(info.throwawayName).toBeNull();
    }
  });

  it("serves getPrisma() and the factories", async () => {
    expect(await getPrisma()).toBe(prisma());
    const organizer = await createUser({ email: "organizer@example.test", organization: "Ministry" });
    const participant = await createUser();
    const workshop = await createWorkshop({ title: "After-action review", place: "Geneva" });
    await addMember(workshop.id, organizer.id, "ORGANIZER");
    await addMember(workshop.id, participant.id);

    const loaded = await prisma().workshop.findUniqueOrThrow({
      where: { id: workshop.id },
      include: { memberships: { include: { user: true }, orderBy: { role: "asc" } } },
    });
    expect(loaded).toMatchObject({ title: "After-action review", place: "Geneva", attribution: "CHATHAM_HOUSE", status: "OPEN" });
    expect(loaded.memberships.map((m) => [m.role, m.user.email])).toEqual([
      ["ORGANIZER", "organizer@example.test"],
      ["PARTICIPANT", participant.email],
    ]);
    await expect(addMember(workshop.id, participant.id, "OBSERVER")).rejects.toThrow();
  });

  it("can be emptied with truncateAllTables()", async () => {
    await createUser();
    await truncateAllTables();
    const counts = await countRowsPerTable();
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
  });

  // Defined only on the PostgreSQL run of the suite (`npm test` runs both).
  if (testDatabaseServerUrl() !== null) {
    it("creates and drops throwaway PostgreSQL databases", async () => {
      const serverUrl = testDatabaseServerUrl()!;
      const exists = async (name: string) => {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        try {
          const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
          return rowCount === 1;
        } finally {
          await client.end();
        }
      };
      const { name, url } = await createThrowawayDatabase(serverUrl);
      expect(await exists(name)).toBe(true);
      // An open connection must not prevent the drop.
      const lingering = new pg.Client({ connectionString: url });
      await lingering.connect();
      lingering.on("error", () => {});
      await dropThrowawayDatabase(serverUrl, name);
      expect(await exists(name)).toBe(false);
      await lingering.end().catch(() => {});
    });
  }
});
