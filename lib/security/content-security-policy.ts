export interface ContentSecurityPolicyOptions {
  nonce: string;
  isDev: boolean;
  isHttps: boolean;
}

/**
 * The page policy: our own origin only (socket.io included: 'self' covers same-origin
 * WebSockets), scripts by nonce, no framing, no plugins, forms only to ourselves.
 * Inline style attributes stay allowed: React and Next set some, and styles cannot run code.
 */
export function buildContentSecurityPolicy({ nonce, isDev, isHttps }: ContentSecurityPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
