import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const ZEnv = z
  .object({
    RAPPORTEUR_MODE: z.enum(["demo", "production"]).default("demo"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    APP_URL: z.url({ message: "APP_URL must be a URL such as https://rapporteur.example.org" }).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL, or unset for the embedded database")
      .optional(),
    DATA_DIR: z.string().default(".data"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must look like redis://127.0.0.1:6379").optional(),
    REALTIME_ADAPTER: z
      .enum(["memory", "redis", "postgres"], { message: "REALTIME_ADAPTER must be memory, redis or postgres" })
      .optional(),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
    OWNERSHIP_SECRET: z.string().min(32, "OWNERSHIP_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
    SEAL_AFTER_CLOSED_DAYS: z.coerce
      .number({ message: "SEAL_AFTER_CLOSED_DAYS must be a number of days" })
      .int("SEAL_AFTER_CLOSED_DAYS must be a whole number of days")
      .min(1, "SEAL_AFTER_CLOSED_DAYS must be at least 1")
      .max(3650, "SEAL_AFTER_CLOSED_DAYS must be at most 3650")
      .default(14),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:pass@host:587").optional(),
    EMAIL_FROM: z.string().min(3).optional(),
    SEED_DEMO: z.enum(["true", "false"]).optional(),
    WRITES_PER_MINUTE: z.coerce
      .number({ message: "WRITES_PER_MINUTE must be a number of changes" })
      .int("WRITES_PER_MINUTE must be a whole number")
      .min(10, "WRITES_PER_MINUTE must be at least 10")
      .max(100_000, "WRITES_PER_MINUTE must be at most 100000")
      .default(60),
  })
  .superRefine((env, ctx) => {
    if (env.REALTIME_ADAPTER === "redis" && !env.REDIS_URL) {
      ctx.addIssue({ code: "custom", path: ["REALTIME_ADAPTER"], message: "REALTIME_ADAPTER=redis needs REDIS_URL" });
    }
    if (env.REALTIME_ADAPTER === "postgres" && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["REALTIME_ADAPTER"], message: "REALTIME_ADAPTER=postgres needs DATABASE_URL (the embedded database is one process)" });
    }
    if (env.RAPPORTEUR_MODE !== "production") return;
    const required = ["NEXTAUTH_SECRET", "OWNERSHIP_SECRET", "SMTP_URL", "EMAIL_FROM", "APP_URL"] as const;
    for (const key of required) {
      if (!env[key]) {
        ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when RAPPORTEUR_MODE=production` });
      }
    }
  });

export type Env = z.infer<typeof ZEnv> & {
  APP_URL: string;
  NEXTAUTH_SECRET: string;
  OWNERSHIP_SECRET: string;
  isDemo: boolean;
  /**
   * How the nodes serving the same workshops reach each other's sockets: Redis when REDIS_URL is
   * set, PostgreSQL's LISTEN/NOTIFY when asked for, else this process only.
   */
  realtimeAdapter: "memory" | "redis" | "postgres";
};

const holder = globalThis as typeof globalThis & { __rapporteurEnv?: Env };

/** Empty strings count as unset, as in most .env conventions. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => !!entry[1]));
}

/** Formats validation problems as one line per variable, for a person to fix. */
export function describeEnvProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `  - ${issue.path.join(".") || "environment"}: ${issue.message}`).join("\n");
}

/**
 * Demo mode needs stable secrets without setup: each is generated once and kept in the data
 * directory, so sessions (auth-secret) and the ownership of contributions (ownership-secret)
 * survive restarts.
 */
function demoSecret(dataDir: string, name: "auth-secret" | "ownership-secret"): string {
  // Run-time data, not part of the build: keep the bundler from tracing this path.
  const file = path.resolve(/*turbopackIgnore: true*/ dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Validates the environment; throws an Error listing every variable to set. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = ZEnv.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    throw new Error(`Rapporteur cannot start; check the environment:\n${describeEnvProblems(parsed.error)}`);
  }
  const env = parsed.data;
  const isDemo = env.RAPPORTEUR_MODE === "demo";
  return {
    ...env,
    isDemo,
    realtimeAdapter: env.REALTIME_ADAPTER ?? (env.REDIS_URL ? "redis" : "memory"),
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? demoSecret(env.DATA_DIR, "auth-secret"),
    OWNERSHIP_SECRET: env.OWNERSHIP_SECRET ?? demoSecret(env.DATA_DIR, "ownership-secret"),
  };
}

/** The validated environment of this process (validated once, then cached). */
export function getEnv(): Env {
  holder.__rapporteurEnv ??= loadEnv();
  return holder.__rapporteurEnv;
}

/** Makes the validated values visible to libraries that read process.env (next-auth). */
export function exportEnvForLibraries(env: Env): void {
  holder.__rapporteurEnv = env;
  process.env.NEXTAUTH_URL = env.APP_URL;
  process.env.NEXTAUTH_SECRET = env.NEXTAUTH_SECRET;
}
