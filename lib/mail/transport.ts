import nodemailer from 'nodemailer';
import { readEnv } from '@/lib/server/env';

/** One message as the outbox holds it. */
export interface OutgoingMail {
  messageId: string;
  recipient: string;
  subject: string;
  body: string;
  /** Files sent with it (a subscribed briefing pack). */
  attachments?: { filename: string; content: Uint8Array; contentType: string }[];
  /** Where the recipient stops mail like this one: sent as List-Unsubscribe, one click (RFC 8058). */
  unsubscribe?: string;
}

export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** Sends through the configured SMTP server under the outbox's fixed Message-ID. */
export function smtpSender(url = readEnv().SMTP_URL, from = readEnv().MAIL_FROM): SendMail {
  if (!url) throw new Error('SMTP_URL is not set');
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail({
      from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.body,
      messageId: mail.messageId,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        content: Buffer.from(a.content),
        contentType: a.contentType,
      })),
      ...(mail.unsubscribe
        ? {
            list: { unsubscribe: mail.unsubscribe },
            headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          }
        : {}),
    });
  };
}
