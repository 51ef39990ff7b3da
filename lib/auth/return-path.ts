/** The request header in which the proxy passes the page's path (and query) to layouts. */
export const PATH_HEADER = "x-rapporteur-path";

/** Where to go after signing in or completing the profile: a path on this site, else `fallback`. */
export function safeReturnPath(value: string | null | undefined, fallback = "/workshops"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.length > 1000 || /[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

/** Pages a person without a display name may still open (the profile step itself, the account page). */
const PROFILE_STEP_EXEMPT = ["/welcome", "/account"];

/** Whether a signed-in person without a name is sent to the profile step from `path`. */
export function needsProfileStep({ name, path }: { name: string | null; path: string }): boolean {
  if (name && name.trim()) return false;
  const pathname = path.split(/[?#]/)[0];
  return !PROFILE_STEP_EXEMPT.some((exempt) => pathname === exempt || pathname.startsWith(`${exempt}/`));
}
