import "server-only";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The link the mail exists to deliver (sign-in, invitation); shown on the demo outbox page. */
  url: string;
}

const transports = new Map<string, nodemailer.Transporter>();

function transportFor(smtpUrl: string): nodemailer.Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/**
 * Sends over SMTP when SMTP_URL is set. Without SMTP (allowed in demo mode only: production
 * refuses to start without it) the mail goes to the local outbox page and its link to the log.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    await transportFor(env.SMTP_URL).sendMail({
      to: mail.to,
      from: env.EMAIL_FROM ?? "Rapporteur <rapporteur@localhost>",
      subject: mail.subject,
      text: mail.text,
    });
    return;
  }
  if (!env.isDemo) throw new Error("SMTP_URL is not set; cannot send mail");
  await (await getPrisma()).outboxMessage.create({ data: mail });
  logger.info(`mail written to the demo outbox (/outbox): ${mail.subject} ${mail.url}`);
}
