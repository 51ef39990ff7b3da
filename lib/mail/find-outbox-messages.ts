import "server-only";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * The local outbox: mail that would have been sent, for demo mode without SMTP. It does not
 * exist in production.
 */
export async function findOutboxMessages({ limit = 20 }: { limit?: number } = {}) {
  const env = getEnv();
  if (!env.isDemo || env.SMTP_URL) throw new AppError("NOT_FOUND", "notFound", "There is no outbox here.");
  const db = await getPrisma();
  const messages = await db.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  return messages.map((message) => ({
    id: message.id,
    to: message.to,
    subject: message.subject,
    url: message.url,
    sentAt: message.createdAt.toISOString(),
  }));
}
