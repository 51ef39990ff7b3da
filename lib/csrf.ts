import "server-only";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { isTokenRequest } from "@/lib/auth/api-request";

/**
 * Mutating route handlers accept requests from our own pages only. Browsers always send Origin
 * on cross-site POSTs, so a missing or foreign Origin is refused.
 * A JSON route request carrying a bearer token is exempt: a page of another site cannot attach
 * an Authorization header (it would need a CORS preflight we never grant), and such a request is
 * authenticated by its token alone, never by the cookie that may travel with it, so there is no
 * ambient credential to forge with.
 */
export function assertSameOrigin(request: Request): void {
  if (isTokenRequest(request)) return;
  const origin = request.headers.get("origin");
  const allowed = new Set([new URL(getEnv().APP_URL).origin, new URL(request.url).origin]);
  if (!origin || !allowed.has(origin)) {
    throw new AppError("FORBIDDEN", "crossSiteRequest", "This request did not come from a Rapporteur page. Reload the page and try again.");
  }
}
