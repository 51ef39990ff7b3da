import type { IncomingMessage } from "node:http";
import { getPrisma } from "@/lib/db";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(index + 1).trim()));
    } catch {
      // A malformed cookie is ignored, like a missing one.
    }
  }
  return cookies;
}

/** The user id behind the request's next-auth session cookie, if the session is valid. */
export async function findSessionUserId(request: IncomingMessage): Promise<string | null> {
  const cookies = parseCookies(request.headers.cookie);
  const token = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  if (!token || token.length > 512) return null;
  const db = await getPrisma();
  const session = await db.session.findUnique({ where: { sessionToken: token }, select: { userId: true, expires: true } });
  if (!session || session.expires < new Date()) return null;
  return session.userId;
}

/** Whether the browser page that opened the socket is our own (a WebSocket always sends Origin). */
export function isAllowedOrigin(origin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return !!origin && allowedOrigins.includes(origin);
}
