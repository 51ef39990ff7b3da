import crypto from "node:crypto";

/**
 * A token is `rpt_` followed by 256 random bits in base64url: the prefix lets secret scanners and
 * people recognise a leaked Rapporteur token. Only its SHA-256 is stored; a 256-bit secret needs
 * no slow hash, nobody can guess one.
 */
export const TOKEN_PREFIX = "rpt_";
const TOKEN_PATTERN = /^rpt_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
}

export function hashTokenSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Whether a string has a token's shape (checked before any database lookup). */
export function isTokenShaped(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The bearer credential of a request: the text after `Bearer ` in Authorization, or null when
 * the request carries no bearer credential (cookie sessions, Basic credentials a browser caches).
 */
export function bearerCredentialOf(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (!authorization) return null;
  // "Bearer" with nothing after it is still a (bad) token request: a 401, not a cookie lookup.
  const match = /^Bearer(?:[ \t]+(.*))?$/i.exec(authorization.trim());
  return match ? (match[1] ?? "").trim() : null;
}
