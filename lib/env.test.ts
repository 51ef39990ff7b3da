import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEnv } from "./env";

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapporteur-env-"));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

type Source = Record<string, string | undefined>;
/** loadEnv with a plain record (NodeJS.ProcessEnv as typed by Next.js requires NODE_ENV). */
const load = (source: Source) => loadEnv(source as NodeJS.ProcessEnv);

const PRODUCTION: Source = {
  RAPPORTEUR_MODE: "production",
  NEXTAUTH_SECRET: "s".repeat(40),
  OWNERSHIP_SECRET: "k".repeat(40),
  SMTP_URL: "smtp://user:pass@mail.example.org:587",
  EMAIL_FROM: "Rapporteur <rapporteur@example.org>",
  APP_URL: "https://rapporteur.example.org/",
};

function loadError(source: Source): string {
  try {
    load(source);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error("expected loadEnv to throw");
}

describe("loadEnv in production mode", () => {
  it("accepts a complete environment", () => {
    const env = load({ ...PRODUCTION });
    expect(env).toMatchObject({ isDemo: false, APP_URL: "https://rapporteur.example.org", NEXTAUTH_SECRET: PRODUCTION.NEXTAUTH_SECRET });
  });

  it("names every missing variable in one message", () => {
    const message = loadError({ RAPPORTEUR_MODE: "production", DATA_DIR: tempDataDir() });
    for (const name of ["NEXTAUTH_SECRET", "OWNERSHIP_SECRET", "SMTP_URL", "EMAIL_FROM", "APP_URL"]) {
      expect(message).toContain(`${name}: ${name} is required when RAPPORTEUR_MODE=production`);
    }
  });

  it.each(["NEXTAUTH_SECRET", "OWNERSHIP_SECRET", "SMTP_URL", "EMAIL_FROM", "APP_URL"] as const)("names %s when only it is missing", (name) => {
    const message = loadError({ ...PRODUCTION, [name]: undefined });
    expect(message).toContain(name);
    for (const other of Object.keys(PRODUCTION).filter((key) => key !== name && key !== "RAPPORTEUR_MODE")) {
      expect(message).not.toContain(other);
    }
  });

  it("counts empty strings as unset", () => {
    expect(loadError({ ...PRODUCTION, SMTP_URL: "" })).toContain("SMTP_URL is required");
  });

  it("generates no secret file in production", () => {
    const dataDir = tempDataDir();
    loadError({ ...PRODUCTION, NEXTAUTH_SECRET: undefined, DATA_DIR: dataDir });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("refuses a short secret and malformed URLs with a message to act on", () => {
    const message = loadError({ ...PRODUCTION, NEXTAUTH_SECRET: "short", SMTP_URL: "mail.example.org", APP_URL: "example.org" });
    expect(message).toContain("NEXTAUTH_SECRET must be at least 32 characters");
    expect(message).toContain("SMTP_URL must look like smtp://");
    expect(message).toContain("APP_URL must be a URL");
  });
});

describe("loadEnv in demo mode", () => {
  it("works with nothing set but a data directory, and keeps its generated secret", () => {
    const dataDir = tempDataDir();
    const env = load({ DATA_DIR: dataDir });
    expect(env).toMatchObject({ RAPPORTEUR_MODE: "demo", isDemo: true, PORT: 3000, APP_URL: "http://localhost:3000" });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);

    const file = path.join(dataDir, "auth-secret");
    expect(fs.readFileSync(file, "utf8")).toBe(env.NEXTAUTH_SECRET);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A restart reads the same secret, so sessions survive it.
    expect(load({ DATA_DIR: dataDir }).NEXTAUTH_SECRET).toBe(env.NEXTAUTH_SECRET);

    // The ownership secret is a second, different one, kept the same way.
    const ownership = path.join(dataDir, "ownership-secret");
    expect(fs.readFileSync(ownership, "utf8")).toBe(env.OWNERSHIP_SECRET);
    expect(fs.statSync(ownership).mode & 0o777).toBe(0o600);
    expect(env.OWNERSHIP_SECRET).not.toBe(env.NEXTAUTH_SECRET);
    expect(load({ DATA_DIR: dataDir }).OWNERSHIP_SECRET).toBe(env.OWNERSHIP_SECRET);
    expect(env.SEAL_AFTER_CLOSED_DAYS).toBe(14);
  });

  it("refuses a sealing period that is not a whole number of days within bounds", () => {
    expect(loadError({ DATA_DIR: tempDataDir(), SEAL_AFTER_CLOSED_DAYS: "0" })).toContain("SEAL_AFTER_CLOSED_DAYS must be at least 1");
    expect(loadError({ DATA_DIR: tempDataDir(), SEAL_AFTER_CLOSED_DAYS: "two weeks" })).toContain("SEAL_AFTER_CLOSED_DAYS must be a number of days");
    expect(load({ DATA_DIR: tempDataDir(), SEAL_AFTER_CLOSED_DAYS: "30" }).SEAL_AFTER_CLOSED_DAYS).toBe(30);
  });

  it("derives APP_URL from PORT", () => {
    expect(load({ DATA_DIR: tempDataDir(), PORT: "3999" }).APP_URL).toBe("http://localhost:3999");
  });

  it("uses given secrets without writing any", () => {
    const dataDir = tempDataDir();
    const env = load({ DATA_DIR: dataDir, NEXTAUTH_SECRET: "x".repeat(40), OWNERSHIP_SECRET: "y".repeat(40) });
    expect([env.NEXTAUTH_SECRET, env.OWNERSHIP_SECRET]).toEqual(["x".repeat(40), "y".repeat(40)]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("refuses an unknown mode", () => {
    expect(loadError({ RAPPORTEUR_MODE: "staging", DATA_DIR: tempDataDir() })).toContain("RAPPORTEUR_MODE");
  });
});

describe("DATABASE_URL", () => {
  it.each(["postgresql://user:pass@db:5432/rapporteur", "postgres://db/rapporteur"])("accepts %s", (url) => {
    expect(load({ DATA_DIR: tempDataDir(), DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(["mysql://db/rapporteur", "file:./dev.db", "db:5432/rapporteur"])("rejects %s with a clear message", (url) => {
    const message = loadError({ DATA_DIR: tempDataDir(), DATABASE_URL: url });
    expect(message).toContain("Rapporteur cannot start");
    expect(message).toContain("DATABASE_URL: DATABASE_URL must be a postgresql:// URL, or unset for the embedded database");
  });

  it("counts an empty DATABASE_URL as unset (embedded database)", () => {
    expect(load({ DATA_DIR: tempDataDir(), DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
