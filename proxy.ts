import { NextResponse, type NextRequest } from "next/server";
import { buildContentSecurityPolicy } from "@/lib/security/content-security-policy";
import { refuseServerAction } from "@/lib/security/server-action-guard";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "@/i18n/config";
import { logger } from "@/lib/logger";
import { PATH_HEADER } from "@/lib/auth/return-path";

/**
 * Every page gets a fresh nonce and a strict Content Security Policy: scripts run only if Next
 * stamped them with this request's nonce. Next reads the policy from the request headers to
 * stamp its own scripts. Server action calls from another site, or over the size limit, are
 * answered here with a clear 403 or 413 (Next would answer a bare 500).
 */
export function proxy(request: NextRequest) {
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  const refusal = refuseServerAction({
    actionId: request.headers.get("next-action"),
    origin: request.headers.get("origin"),
    host: request.headers.get("x-forwarded-host") ?? request.headers.get("host"),
    // server.ts exports APP_URL to libraries as NEXTAUTH_URL.
    appUrl: process.env.APP_URL ?? process.env.NEXTAUTH_URL,
    contentLength: request.headers.get("content-length"),
    locale: isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers.get("accept-language")),
  });
  if (refusal) {
    logger.warn(`refused ${refusal.reason}`, { path: request.nextUrl.pathname });
    return new NextResponse(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = buildContentSecurityPolicy({
    nonce,
    isDev: process.env.NODE_ENV === "development",
    isHttps: request.nextUrl.protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // Pages learn their own address from here (a layout is not told it): set on every request, so
  // never what the browser sent.
  requestHeaders.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
