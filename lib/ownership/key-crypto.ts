import crypto from "node:crypto";

/**
 * Workshop ownership keys at rest: 32 random bytes per workshop, stored encrypted with
 * AES-256-GCM under a key derived (HKDF-SHA256) from the server's OWNERSHIP_SECRET, with the
 * workshop id as additional data, so a stored key only opens for its own workshop and a copy of
 * the database alone opens nothing.
 */
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_INFO = "rapporteur/workshop-ownership-key/v1";

function wrappingKey(secret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), HKDF_INFO, KEY_BYTES));
}

/** A fresh random ownership key. */
export function newWorkshopKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}

/** iv ‖ ciphertext ‖ tag, for the database. */
export function sealKeyForStorage(key: Buffer, secret: string, workshopId: string): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", wrappingKey(secret), iv);
  cipher.setAAD(Buffer.from(workshopId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
}

/**
 * The key stored for a workshop, or null when it cannot be opened (another secret, another
 * workshop's row, a damaged value): then nothing in the workshop can be tied to anyone, which is
 * the safe failure.
 */
export function openStoredKey(stored: Uint8Array, secret: string, workshopId: string): Buffer | null {
  const bytes = Buffer.from(stored);
  if (bytes.length !== IV_BYTES + KEY_BYTES + TAG_BYTES) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", wrappingKey(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(workshopId, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES + KEY_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, IV_BYTES + KEY_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
