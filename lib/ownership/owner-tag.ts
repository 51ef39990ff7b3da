import crypto from "node:crypto";

/**
 * What a contribution records instead of its author: HMAC-SHA256 of the member's user id under
 * the workshop's ownership key, scoped to the contribution. With the key, the server can answer
 * "is this mine?" for the person asking; without it (a copy of the database, or after sealing,
 * when the key is destroyed) a tag is an opaque value. Scoping each tag to its own row means two
 * contributions by the same person carry unrelated tags, so rows cannot even be grouped by
 * author. Stances are scoped to their lesson instead, which is what makes "one stance per member
 * per lesson" a unique constraint on (lesson, tag).
 */
export function ownerTag(key: Buffer, scope: string, userId: string): string {
  return crypto.createHmac("sha256", key).update(scope).update("\u0000").update(userId).digest("base64url");
}

/** Constant-time comparison of a stored tag with the one the viewer would have. */
export function sameTag(stored: string | null, expected: string): boolean {
  if (stored === null || stored.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(stored), Buffer.from(expected));
}
