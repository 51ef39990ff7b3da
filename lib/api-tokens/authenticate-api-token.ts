import "server-only";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { hashTokenSecret, isTokenShaped } from "./secret";
import type { ApiTokenScopeName } from "./schemas";

/** Last use is recorded at most this often: a script's every request need not write a row. */
const LAST_USED_RESOLUTION_MS = 10 * 60 * 1000;

export interface TokenHolder {
  viewer: Viewer;
  scope: ApiTokenScopeName;
}

/**
 * The person a bearer secret stands for. Unknown, malformed, revoked and expired tokens all get
 * the same 401, which says nothing about which it was (nor echoes the token).
 */
export async function authenticateApiToken({ secret, now = new Date() }: { secret: string; now?: Date }): Promise<TokenHolder> {
  if (!isTokenShaped(secret)) throw invalidToken();
  const db = await getPrisma();
  const row = await db.apiToken.findUnique({
    where: { secretHash: hashTokenSecret(secret) },
    select: { id: true, scope: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || (row.expiresAt && row.expiresAt <= now)) throw invalidToken();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { viewer: { id: row.user.id, email: row.user.email, name: row.user.name }, scope: row.scope === "READ" ? "read" : "read_write" };
}

function invalidToken(): AppError {
  return new AppError("UNAUTHENTICATED", "apiTokenInvalid", "This access token is unknown, revoked or expired. Create a new one on your account page.");
}
