import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export type Mail = { to: string; subject: string; text: string };

/**
 * E-mail delivery of notices through the SMTP server of SMTP_HOST… (nodemailer), off when SMTP_HOST is unset.
 * Addresses are never logged: a failure is reported by its error code only.
 */
@Injectable()
export class NoticeMailer implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.smtp !== null;
  }

  /** Sends one e-mail; resolves to null when sent, else a short reason without any address. */
  async send(mail: Mail): Promise<string | null> {
    const smtp = this.config.smtp;
    if (!smtp) return 'SMTP_NOT_CONFIGURED';
    this.transport ??= createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    try {
      await this.transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
      return null;
    } catch (e) {
      const err = e as { code?: string; responseCode?: number };
      return [err.code ?? 'SEND_FAILED', err.responseCode ? String(err.responseCode) : null].filter(Boolean).join(' ');
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = null;
  }
}
