// Outgoing e-mail. With SMTP_URL set, mail goes through a real SMTP client and the outbox
// keeps a record of it (sent or the error); without it, the outbox is where the mail stays,
// for an administrator to read and pass on.
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema.ts';
import type { AppSettings } from '../settings.ts';
import { MailRepository } from './mail.repository.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * Secrets in the text (one-time links) that the stored copy must not keep when the mail
   * really went out by SMTP: the outbox row is then only a record, not a way to use them.
   */
  secrets?: readonly string[];
}

export interface MailResult {
  id: string;
  transport: 'smtp' | 'outbox';
  sent: boolean;
  error: string | null;
}

// A dead mail server must not hold a request for minutes (nodemailer's defaults).
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * Sends one mail, or keeps it in the outbox when no SMTP server is configured. Never throws
 * for a delivery failure: the error is recorded on the outbox row. Call it after the
 * transaction that made the mail's token has committed, with the pool's `db`.
 */
export async function sendMail(db: Kysely<DB>, settings: Pick<AppSettings, 'smtpUrl' | 'mailFrom'>, message: MailMessage): Promise<MailResult> {
  const repo = new MailRepository(db);
  if (!settings.smtpUrl) {
    const id = await repo.insert({ to_address: message.to, subject: message.subject, body_text: message.text, transport: 'outbox', sent_at: null, error: null });
    return { id, transport: 'outbox', sent: false, error: null };
  }
  const stored = (message.secrets ?? []).reduce((text, secret) => (secret ? text.split(secret).join('[redacted]') : text), message.text);
  const id = await repo.insert({ to_address: message.to, subject: message.subject, body_text: stored, transport: 'smtp', sent_at: null, error: null });
  try {
    const transport = nodemailer.createTransport({ url: settings.smtpUrl, ...SMTP_TIMEOUTS });
    try {
      await transport.sendMail({ from: settings.mailFrom, to: message.to, subject: message.subject, text: message.text });
    } finally {
      transport.close();
    }
    await repo.markSent(id);
    return { id, transport: 'smtp', sent: true, error: null };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await repo.markFailed(id, error.slice(0, 1000));
    return { id, transport: 'smtp', sent: false, error };
  }
}
