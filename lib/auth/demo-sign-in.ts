import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { DEMO_PEOPLE } from "@/lib/demo/demo-workshop";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "./options";

/** Demo mode's one-click sign-in is offered for these people only, and never in production. */
export function listDemoPeople() {
  if (!getEnv().isDemo) return [];
  return DEMO_PEOPLE.map(({ key, name, email, role }) => ({ key, name, email, role }));
}

/**
 * Makes the same single-use magic link that the email would carry and returns it, so that
 * one-click sign-in goes through next-auth's own verification and creates a normal session.
 */
export async function createDemoSignInUrl({ personKey, callbackUrl }: { personKey: string; callbackUrl: string }): Promise<string> {
  const env = getEnv();
  const person = DEMO_PEOPLE.find((candidate) => candidate.key === personKey);
  if (!env.isDemo || !person) throw new AppError("NOT_FOUND", "notFound", "One-click sign-in is not available.");
  const token = crypto.randomBytes(32).toString("hex");
  // next-auth looks tokens up by sha256(token + secret), as it stores them for emailed links.
  const hashed = crypto.createHash("sha256").update(`${token}${env.NEXTAUTH_SECRET}`).digest("hex");
  const db = await getPrisma();
  await db.verificationToken.create({
    data: { identifier: person.email, token: hashed, expires: new Date(Date.now() + SIGN_IN_LINK_MAX_AGE_SECONDS * 1000) },
  });
  const params = new URLSearchParams({ callbackUrl, token, email: person.email });
  return `${env.APP_URL}/api/auth/callback/email?${params}`;
}
