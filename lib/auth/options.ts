import "server-only";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { cookies } from "next/headers";
import { createAuthAdapter } from "./adapter";
import { sendSignInEmail } from "./send-sign-in-email";
import { isLocale, DEFAULT_LOCALE, LOCALE_COOKIE } from "@/i18n/config";
import { getEnv } from "@/lib/env";
import { sharedRateLimit } from "@/lib/security/rate-limit";
import { logger } from "@/lib/logger";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;
/** Sign-in emails per address: enough for typos and lost mail, too few to flood an inbox. */
export const SIGN_IN_EMAILS_PER_ADDRESS = { limit: 5, windowMs: 15 * 60 * 1000 };

async function requestLocale() {
  try {
    const value = (await cookies()).get(LOCALE_COOKIE)?.value;
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** next-auth configuration: email magic links, database sessions (revocable by deleting rows). */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    adapter: createAuthAdapter(),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: [
      EmailProvider({
        // The transport is ours (sendSignInEmail); next-auth only needs a placeholder here.
        server: env.SMTP_URL ?? "smtp://localhost:25",
        from: env.EMAIL_FROM ?? "Rapporteur <rapporteur@localhost>",
        maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
        async sendVerificationRequest({ identifier, url }) {
          if (!(await sharedRateLimit("sign-in-email", SIGN_IN_EMAILS_PER_ADDRESS).take(identifier.toLowerCase())).allowed) {
            // next-auth turns this into its EmailSignin error; the form says to wait and retry.
            logger.warn("sign-in email refused by the rate limit");
            throw new Error("Too many sign-in emails for this address");
          }
          await sendSignInEmail({ to: identifier, url, locale: await requestLocale() });
        },
      }),
    ],
    callbacks: {
      // The browser's session object holds only the viewer's own id; nothing about others.
      session({ session, user }) {
        return { expires: session.expires, user: { id: user.id, email: user.email, name: user.name } };
      },
    },
  };
}
