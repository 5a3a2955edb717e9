import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTIVE_ALERT_CODES, REMINDER_CODES, type Alert } from '@chibo/domain';
import { appendSystemEvents } from '../../common/audit/audit.service';
import { SYSTEM_ACTOR } from '../../common/auth/actor';
import { IntervalRunner } from '../../common/jobs/interval-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { returning, today } from '../../database/sql';
import { DashboardService } from '../dashboard/dashboard.service';
import { NoticeGenerators } from './notice.generators';
import { NoticeMailer } from './notice.mailer';

export type NoticeRunResult = {
  ran: boolean;
  meetings: number;
  records: number;
  reminders: number;
  events: number;
  emailsSent: number;
  emailsFailed: number;
};

/** Advisory lock: one notice run at a time across every API process on the database. */
const NOTICE_LOCK = 7_301_150;
/** E-mails claimed per batch, batches per run, tries before an e-mail is FAILED. */
const MAIL_BATCH = 20;
const MAIL_BATCHES_PER_RUN = 25;
const MAIL_MAX_TRIES = 5;

/**
 * The notice job (docs/notices.md), inside the API process every NOTICE_JOB_INTERVAL_SECONDS (0: off; the CLI's
 * `notice run` runs one pass). A run: (1) the reminders' alerts, computed by the dashboard's alert sources for each
 * whole tree (one definition of every rule), outside any transaction; (2) in one transaction under an advisory lock
 * (another process running: this run does nothing): meeting notices, own-record notices from the domain-event
 * outbox, reminders and self-assessment reminders, each written once per user and key (a rerun writes nothing);
 * (3) when SMTP is configured, the pending e-mails are sent (claimed with a lease, so two processes never send one
 * twice), retried with a growing delay up to MAIL_MAX_TRIES tries.
 */
@Injectable()
export class NoticeJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Notices');
  private readonly runner = new IntervalRunner('notice run', this.log, () => this.run());

  constructor(
    private readonly ds: DataSource,
    private readonly generators: NoticeGenerators,
    private readonly dashboard: DashboardService,
    private readonly mailer: NoticeMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.runner.start(this.config.noticeJobIntervalSeconds * 1000);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  /** One run now (a run already going on is awaited first). */
  runOnce(): Promise<NoticeRunResult> {
    return this.runner.runOnce();
  }

  private async run(): Promise<NoticeRunResult> {
    const d = today();
    const actor = { ...SYSTEM_ACTOR, name: 'system:notices' };
    // every rule of the alert list (alert.raised/cleared events); the reminder rules among them remind
    const alerts: Alert[] = [];
    for (const root of await this.generators.roots(d))
      alerts.push(...(await this.dashboard.subtreeAlerts(actor, root, d, ACTIVE_ALERT_CODES)));
    const reminding = new Set(REMINDER_CODES);
    const email = this.mailer.enabled;
    const written = await this.ds.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [NOTICE_LOCK]);
      if (!locked) return null;
      const meetings = await this.generators.insert(m, await this.generators.meetings(m, d), email);
      const records = await this.generators.records(m, email);
      const reminders = await this.generators.insert(
        m,
        [
          ...(await this.generators.reminders(
            m,
            alerts.filter((a) => reminding.has(a.code)),
            d,
          )),
          ...(await this.generators.selfAssessments(m, d)),
          ...(await this.generators.unrecordedMeetings(m, d)),
          ...(await this.generators.webhooksDisabled(m, d)),
        ],
        email,
      );
      // what time made happen, as domain events (after the record notices' read of the outbox: the job's own events
      // are read by the next run, and make no notice)
      const events = await appendSystemEvents(
        m,
        { actor, requestId: 'notice-job' },
        [...(await this.generators.publishedMeetings(m, d)), ...(await this.generators.alertEvents(m, alerts))],
        d,
      );
      return { meetings, records, reminders, events };
    });
    const mails = email ? await this.sendEmails() : { sent: 0, failed: 0 };
    return {
      ran: written !== null,
      meetings: 0,
      records: 0,
      reminders: 0,
      events: 0,
      ...written,
      emailsSent: mails.sent,
      emailsFailed: mails.failed,
    };
  }

  private async sendEmails(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (let i = 0; i < MAIL_BATCHES_PER_RUN; i++) {
      // The claim is the lease: next_attempt_at moves past the attempt's end, so no other process takes it meanwhile.
      const claimed = await returning<{
        noticeId: string;
        tries: number;
        email: string;
        subject: string;
        body: string;
        link: string | null;
      }>(
        this.ds.manager,
        `WITH due AS (SELECT e.notice_id FROM notice_email e WHERE e.status = 'PENDING' AND e.next_attempt_at <= now() ORDER BY e.next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE notice_email e SET tries = e.tries + 1, next_attempt_at = now() + interval '1 minute' * power(4, e.tries)
           FROM due, notice n, app_user u
          WHERE e.notice_id = due.notice_id AND n.id = e.notice_id AND u.id = n.user_id AND u.email IS NOT NULL
         RETURNING e.notice_id AS "noticeId", e.tries, u.email, n.title_vi AS subject, n.body_vi AS body, n.link`,
        [MAIL_BATCH],
      );
      if (!claimed.length) break;
      await Promise.all(
        claimed.map(async (c) => {
          const error = await this.mailer.send({
            to: c.email,
            subject: c.subject,
            text: c.link ? `${c.body}\n\n${c.link}` : c.body,
          });
          if (error === null) {
            sent++;
            await this.ds.query(
              `UPDATE notice_email SET status = 'SENT', sent_at = now(), last_error = NULL WHERE notice_id = $1`,
              [c.noticeId],
            );
          } else {
            failed++;
            await this.ds.query(
              `UPDATE notice_email SET status = CASE WHEN tries >= $3 THEN 'FAILED' ELSE 'PENDING' END, last_error = $2 WHERE notice_id = $1`,
              [c.noticeId, error.slice(0, 500), MAIL_MAX_TRIES],
            );
          }
        }),
      );
    }
    return { sent, failed };
  }
}
