import { coarsenTime, type CoarseTime } from "@/lib/time/coarse-time";
import type { ApiTokenScopeName } from "./schemas";

/** A token as its owner sees it on the account page: never the secret, never its hash. */
export interface PresentedApiToken {
  id: string;
  name: string;
  scope: ApiTokenScopeName;
  createdAt: CoarseTime;
  lastUsedAt: CoarseTime | null;
  /** YYYY-MM-DD (UTC) after which the token stops working, or null. */
  expiresOn: string | null;
  isExpired: boolean;
}

interface ApiTokenRow {
  id: string;
  name: string;
  scope: "READ" | "READ_WRITE";
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

export function presentApiToken(row: ApiTokenRow, now = new Date()): PresentedApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope === "READ" ? "read" : "read_write",
    createdAt: coarsenTime(row.createdAt),
    lastUsedAt: row.lastUsedAt ? coarsenTime(row.lastUsedAt) : null,
    expiresOn: row.expiresAt ? row.expiresAt.toISOString().slice(0, 10) : null,
    isExpired: row.expiresAt !== null && row.expiresAt <= now,
  };
}
