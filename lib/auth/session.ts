import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getAuthOptions } from "./options";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/csrf";
import { sharedRateLimit } from "@/lib/security/rate-limit";

/** Writes per person: far above what a person types, low enough to stop a runaway script. */
export const WRITES_PER_MINUTE = { limit: 60, windowMs: 60_000 };

export interface Viewer {
  id: string;
  email: string;
  name: string | null;
}

/** The signed-in person, or null. */
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

/** For route handlers and server actions. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "signInRequired", "Sign in first.");
  return viewer;
}

/** For server actions that change something: the signed-in person, within their write budget. */
export async function requireViewerForWrite(): Promise<Viewer> {
  const viewer = await requireViewer();
  const limit = sharedRateLimit("writes", WRITES_PER_MINUTE);
  if (!limit.take(viewer.id)) {
    throw new AppError("RATE_LIMITED", "rateLimited", "Too many changes in a short time. Wait a minute and try again.", {
      retryAfterSeconds: limit.retryAfterSeconds(viewer.id),
    });
  }
  return viewer;
}

/** For route handlers that change something: same-origin request, signed in, within budget. */
export async function requireWriteRequest(request: Request): Promise<Viewer> {
  assertSameOrigin(request);
  return requireViewerForWrite();
}
