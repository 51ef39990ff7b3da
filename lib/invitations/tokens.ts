import crypto from "node:crypto";

export const INVITATION_TTL_DAYS = 7;

/** A fresh invitation token (256 random bits) and the hash that is stored in its place. */
export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Tokens that cannot have come from us are refused before touching the database. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
