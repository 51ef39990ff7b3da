import crypto from "node:crypto";
import pg from "pg";

/**
 * Throwaway databases on the PostgreSQL server named by TEST_DATABASE_URL: one per test file
 * (test/db.ts), one migrated template per run (test/global-setup.ts), and the scripts' own.
 */

const THROWAWAY_PREFIX = "rapporteur_t_";
const THROWAWAY_COMMENT = "rapporteur test database created at ";
/** Throwaway databases left by crashed runs are dropped once older than this. */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
/** The PostgreSQL server to create throwaway databases on, or null for in-memory PGlite. */
export function testDatabaseServerUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.TEST_DATABASE_URL?.trim() || null;
}

export async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Drops throwaway databases that crashed runs left behind (judged by their creation comment). */
async function dropStaleThrowawayDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string; comment: string | null }>(
    `select d.datname as name, shobj_description(d.oid, 'pg_database') as comment
       from pg_database d where d.datname like $1`,
    [`${THROWAWAY_PREFIX}%`],
  );
  for (const row of rows) {
    const createdAt = Date.parse(row.comment?.startsWith(THROWAWAY_COMMENT) ? row.comment.slice(THROWAWAY_COMMENT.length) : "");
    if (Number.isNaN(createdAt) || Date.now() - createdAt < STALE_AFTER_MS) continue;
    await client.query(`drop database if exists ${quoteIdentifier(row.name)} with (force)`).catch(() => {});
  }
}

/**
 * Creates a database `rapporteur_t_<random>` on the server, empty or as a copy of `template`
 * (which nobody may be connected to); returns its name and URL.
 */
export async function createThrowawayDatabase(serverUrl: string, template?: string): Promise<{ name: string; url: string }> {
  const name = `${THROWAWAY_PREFIX}${crypto.randomBytes(8).toString("hex")}`;
  await withAdminClient(serverUrl, async (client) => {
    await dropStaleThrowawayDatabases(client);
    const copying = template ? ` template ${quoteIdentifier(template)}` : "";
    await client.query(`create database ${quoteIdentifier(name)}${copying}`);
    await client.query(`comment on database ${quoteIdentifier(name)} is '${THROWAWAY_COMMENT}${new Date().toISOString()}'`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Drops a throwaway database, closing any connection still open to it. */
export async function dropThrowawayDatabase(serverUrl: string, name: string): Promise<void> {
  if (!name.startsWith(THROWAWAY_PREFIX)) throw new Error(`refusing to drop ${name}: not a test database`);
  await withAdminClient(serverUrl, (client) => client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`));
}

