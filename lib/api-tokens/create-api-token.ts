import "server-only";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";
import { generateTokenSecret, hashTokenSecret } from "./secret";
import { MAX_API_TOKENS_PER_PERSON, ZCreateApiTokenInput, type CreateApiTokenInput } from "./schemas";
import { presentApiToken, type PresentedApiToken } from "./present";
import { isOrganizerSomewhere } from "./eligibility";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new personal access token for the viewer, an organizer (see ./eligibility.ts). The secret is
 * returned this once; only its hash is stored.
 */
export async function createApiToken({ viewer, input, now = new Date() }: { viewer: Viewer; input: CreateApiTokenInput; now?: Date }): Promise<{ token: PresentedApiToken; secret: string }> {
  const { name, scope, expiresInDays } = parseInput(ZCreateApiTokenInput, input);
  const db = await getPrisma();
  if (!(await isOrganizerSomewhere(db, viewer.id))) {
    throw new AppError("FORBIDDEN", "apiTokensOrganizersOnly", "Only organizers of a workshop can create access tokens.");
  }
  const held = await db.apiToken.count({ where: { userId: viewer.id } });
  if (held >= MAX_API_TOKENS_PER_PERSON) {
    throw new AppError("CONFLICT", "apiTokensTooMany", `You already hold ${MAX_API_TOKENS_PER_PERSON} tokens. Revoke one you no longer use first.`);
  }
  const secret = generateTokenSecret();
  const row = await db.apiToken.create({
    data: {
      userId: viewer.id,
      name,
      scope: scope === "read" ? "READ" : "READ_WRITE",
      secretHash: hashTokenSecret(secret),
      createdAt: now,
      expiresAt: expiresInDays ? new Date(now.getTime() + expiresInDays * DAY_MS) : null,
    },
  });
  return { token: presentApiToken(row, now), secret };
}
