import crypto from "node:crypto";

/**
 * A new random id in the style of the database's own (cuid2: lowercase letters and digits, no
 * order), for rows whose id must be known before they are written: a contribution's owner tag
 * is scoped to its id.
 */
export function newId(): string {
  const bytes = crypto.randomBytes(16);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  // A letter first, as cuid2 does, so an id never looks like a number.
  return `c${value.toString(36).padStart(25, "0")}`;
}
