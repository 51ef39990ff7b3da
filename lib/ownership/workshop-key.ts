import type { PrismaClient, Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { newWorkshopKey, openStoredKey, sealKeyForStorage } from "./key-crypto";
import { ownershipOf, type Ownership } from "./ownership";

type Db = PrismaClient | Tx;

/**
 * The workshop's ownership key, or null: sealed (no key), or a key stored under another secret
 * (then nothing written so far can be tied to anyone, exactly as after sealing).
 */
export async function findWorkshopKey(db: Db, workshopId: string): Promise<Buffer | null> {
  const row = await db.workshopOwnershipKey.findUnique({ where: { workshopId } });
  return row ? openStoredKey(row.encryptedKey, getEnv().OWNERSHIP_SECRET, workshopId) : null;
}

/**
 * The key new contributions are tagged under, made on first use (and again after sealing, or
 * when the stored one cannot be opened). Two first contributions at once get the same key:
 * the insert yields to the row the other one wrote.
 */
export async function ensureWorkshopKey(tx: Db, workshopId: string): Promise<Buffer> {
  const existing = await findWorkshopKey(tx, workshopId);
  if (existing) return existing;
  const secret = getEnv().OWNERSHIP_SECRET;
  const key = newWorkshopKey();
  const stored = sealKeyForStorage(key, secret, workshopId);
  const unreadable = await tx.workshopOwnershipKey.findUnique({ where: { workshopId }, select: { workshopId: true } });
  if (unreadable) {
    // Written under another OWNERSHIP_SECRET: what it tagged belongs to nobody now; start afresh.
    logger.warn("a workshop's ownership key could not be opened with OWNERSHIP_SECRET; a new one replaces it", { workshopId });
    await tx.workshopOwnershipKey.update({ where: { workshopId }, data: { encryptedKey: new Uint8Array(stored) } });
    return key;
  }
  await tx.$executeRaw`
    INSERT INTO "WorkshopOwnershipKey" ("workshopId", "encryptedKey") VALUES (${workshopId}, ${stored})
    ON CONFLICT ("workshopId") DO NOTHING`;
  const kept = await findWorkshopKey(tx, workshopId);
  if (!kept) throw new Error("the workshop's ownership key could not be stored");
  return kept;
}

/** One member's ownership in a workshop, reading its key. */
export async function ownershipIn(db: Db, workshopId: string, userId: string): Promise<Ownership> {
  return ownershipOf(await findWorkshopKey(db, workshopId), userId);
}
