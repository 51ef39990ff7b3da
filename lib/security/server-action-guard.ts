import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

/** Next's own limit for a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

export interface ServerActionRefusal {
  status: 403 | 413;
  /** For the log: what was refused, never the body. */
  reason: string;
  message: string;
}

interface ActionRequest {
  /** The `Next-Action` header: only server action calls are checked here. */
  actionId: string | null;
  origin: string | null;
  /** `x-forwarded-host`, else `host`: what Next itself compares the Origin with. */
  host: string | null;
  /** The public URL (APP_URL), whose host is also ours. */
  appUrl: string | undefined;
  contentLength: string | null;
  /** From the language cookie or Accept-Language. */
  locale: "en" | "fr";
}

/**
 * Server actions refused before Next handles them, with a status and a message a person can act
 * on: a call from a page of another site (403; Next would answer a bare 500) or a body over
 * Next's limit (413; Next would fail with a 500 after reading it). Null: let it through.
 */
export function refuseServerAction({ actionId, origin, host, appUrl, contentLength, locale }: ActionRequest): ServerActionRefusal | null {
  if (!actionId) return null;
  const errors = (locale === "fr" ? fr : en).errors;
  const allowedHosts = new Set([host, appUrl ? new URL(appUrl).host : null].filter(Boolean));
  const originHost = (() => {
    try {
      return origin ? new URL(origin).host : null;
    } catch {
      return null;
    }
  })();
  if (!originHost || !allowedHosts.has(originHost)) {
    return { status: 403, reason: `server action from a foreign or missing Origin (${origin === null ? "none" : JSON.stringify(origin.slice(0, 100))})`, message: errors.crossSiteRequest };
  }
  const length = Number(contentLength ?? "0");
  if (Number.isFinite(length) && length > SERVER_ACTION_MAX_BYTES) {
    return { status: 413, reason: `server action body of ${length} bytes`, message: errors.actionTooLarge };
  }
  return null;
}
