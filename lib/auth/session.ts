import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getAuthOptions } from "./options";
import { currentApiRequest } from "./api-request";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/csrf";
import { sharedRateLimit } from "@/lib/security/rate-limit";
import { authenticateApiToken, type TokenHolder } from "@/lib/api-tokens/authenticate-api-token";
import { bearerCredentialOf } from "@/lib/api-tokens/secret";

/**
 * Writes per person: far above what a person types, low enough to stop a runaway script.
 * WRITES_PER_MINUTE (checked by lib/env.ts at start) raises it where one account does the work of
 * many, as the browser tests' demo people do.
 */
export const WRITES_PER_MINUTE = { limit: Number(process.env.WRITES_PER_MINUTE) || 60, windowMs: 60_000 };

/** Reads per person through access tokens: a script may poll, not flood. Browsers are not counted. */
export const TOKEN_READS_PER_MINUTE = { limit: Number(process.env.TOKEN_READS_PER_MINUTE) || 600, windowMs: 60_000 };

export interface Viewer {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in person, or null. Only the session cookie counts: pages never take tokens. */
export async function getViewer(): Promise<Viewer | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: string; email?: string | null; name?: string | null } | undefined;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
}

/** For pages: the signed-in person, or a redirect to sign-in that comes back here. */
export async function requireViewerOrRedirect(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/**
 * For route handlers: the person behind the request. A JSON route request that carries
 * `Authorization: Bearer …` is that token's person and nobody else: its cookie is not consulted,
 * and a bad token is a 401, never a fall-back to the cookie.
 */
export async function requireViewer(): Promise<Viewer> {
  const holder = await tokenHolderOfCurrentRequest();
  if (holder) return holder.viewer;
  return requireCookieViewer();
}

/** For server actions that change something: the signed-in person, within their write budget. */
export async function requireViewerForWrite(): Promise<Viewer> {
  return takeWriteBudget(await requireCookieViewer());
}

/**
 * For route handlers that change something: signed in, within budget, and either a same-origin
 * page request or a read-write token (a cross-site page cannot attach a bearer header, so token
 * requests need no Origin check; see assertSameOrigin).
 */
export async function requireWriteRequest(request: Request): Promise<Viewer> {
  assertSameOrigin(request);
  const holder = await tokenHolderOfCurrentRequest();
  return takeWriteBudget(holder ? holder.viewer : await requireCookieViewer());
}

async function requireCookieViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "signInRequired", "Sign in first.");
  return viewer;
}

/** The token holder of the JSON route request being answered, null when it carries no token. */
async function tokenHolderOfCurrentRequest(): Promise<TokenHolder | null> {
  const request = currentApiRequest();
  const secret = request ? bearerCredentialOf(request.headers) : null;
  if (!request || secret === null) return null;
  const holder = await authenticateApiToken({ secret });
  if (holder.scope === "read" && request.method !== "GET" && request.method !== "HEAD") {
    throw new AppError("FORBIDDEN", "apiTokenReadOnly", "This access token may only read (GET). Create a read-write token to make changes.");
  }
  if (request.method === "GET" || request.method === "HEAD") {
    const read = await sharedRateLimit("token-reads", TOKEN_READS_PER_MINUTE).take(holder.viewer.id);
    if (!read.allowed) {
      throw new AppError("RATE_LIMITED", "apiTokenRateLimited", "Too many requests with your access tokens in a short time. Wait a minute and try again.", {
        retryAfterSeconds: read.retryAfterSeconds,
      });
    }
  }
  return holder;
}

async function takeWriteBudget(viewer: Viewer): Promise<Viewer> {
  const write = await sharedRateLimit("writes", WRITES_PER_MINUTE).take(viewer.id);
  if (!write.allowed) {
    throw new AppError("RATE_LIMITED", "rateLimited", "Too many changes in a short time. Wait a minute and try again.", {
      retryAfterSeconds: write.retryAfterSeconds,
    });
  }
  return viewer;
}
