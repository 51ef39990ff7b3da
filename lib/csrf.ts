import "server-only";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";

/**
 * Mutating route handlers accept requests from our own pages only. Browsers always send Origin
 * on cross-site POSTs, so a missing or foreign Origin is refused.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const allowed = new Set([new URL(getEnv().APP_URL).origin, new URL(request.url).origin]);
  if (!origin || !allowed.has(origin)) {
    throw new AppError("FORBIDDEN", "crossSiteRequest", "This request did not come from a Rapporteur page. Reload the page and try again.");
  }
}
