/**
 * Every test file runs in demo mode without SMTP (mail goes to the outbox table), with a fixed
 * secret and URL. Set before any test file is imported; getEnv() caches on globalThis, so the
 * cache is cleared too.
 */
process.env.RAPPORTEUR_MODE = "demo";
process.env.NEXTAUTH_SECRET = "x".repeat(40);
process.env.OWNERSHIP_SECRET = "o".repeat(40);
process.env.APP_URL = "http://localhost:3999";
delete process.env.SMTP_URL;
delete (globalThis as { __rapporteurEnv?: unknown }).__rapporteurEnv;
