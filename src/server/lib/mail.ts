import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends e-mail over SMTP; without SMTP_URL, mail is logged instead of sent. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Builds the mailer from the SMTP URL (smtp://user:pass@host:port). */
export function createMailer(smtpUrl: string | undefined, from: string, log: (m: MailMessage) => void): Mailer {
  if (!smtpUrl) return { send: async (m) => log(m) };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
    },
  };
}
