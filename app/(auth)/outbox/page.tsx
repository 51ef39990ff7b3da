import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findOutboxMessages } from "@/lib/mail/find-outbox-messages";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("title") };
}

export default async function OutboxPage() {
  const t = await getTranslations("outbox");
  const messages = await findOutboxMessages().catch((error) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="card-list">
          {messages.map((message) => (
            <li key={message.id} className="card stack-small">
              <p>
                <strong>{message.subject}</strong>
              </p>
              <p className="hint">{t("to", { email: message.to })}</p>
              <a href={message.url}>{t("openLink")}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
