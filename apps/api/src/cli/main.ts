import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DomainError } from '@chibo/domain';
import { AdminService } from '../modules/auth/admin.service';
import { cliCaller, openContext } from './context';
import { DEMO_PASSWORD, formatSteps, seed } from './seed';
import { exportFile, importFile } from './files';
import { MAX_REPORTED_PROBLEMS } from '../common/import/columns';
import { writeSchema } from './schema';
import { runBench } from './bench';
import { runExportMemory } from './export-memory';
import { runDbFault } from './db-fault';
import { AuditChainService } from '../common/audit/audit-chain.service';
import { WebhookService } from '../modules/webhook/webhook.service';
import { WebhookWorker } from '../modules/webhook/webhook.worker';
import { NoticeJob } from '../modules/notice/notice.job';

const USAGE = `chibo CLI — runs the same services as the API (same environment variables: DATABASE_URL, CHIBO_DATA_DIR, …)

Usage: node apps/api/dist/cli/main.js <command> [options]

  migrate                                   apply pending database migrations
  schema [--out FILE]                       write the GraphQL schema file (default apps/api/schema.gql)
  seed [--scale N] [--seed S]               demo committee shaped like article 000 (scale 30 = a province); idempotent
  create-admin <username> <password>        a system administrator
  create-user <username> <password> [--name "Full name"] [--member-id ID]
  grant <username> <ROLE> [--org CODE] [--member-id ID]
                                            ROLE: SYSTEM_ADMIN | COMMITTEE_READ | COMMITTEE_WRITE | CELL_SECRETARY | MEMBER
  create-token <name> --org CODE [--access READ|READ_WRITE] [--expires YYYY-MM-DD]
                                            prints the secret once
  import <organisations|members> <file.csv|file.xlsx> [--skip-invalid]
  import dues <file.csv|file.xlsx> [--skip-invalid] [--dry-run] [--channel CASH|PORTAL]
                                            dues payments (docs/dues.md); --channel: of rows without one (PORTAL)
  export <organisations|members> <file.csv|file.xlsx> [--org CODE] [--as-of YYYY-MM-DD]
  audit seal                                seal the new audit rows into the hash chain (the server does it every minute)
  audit verify                              seal, then check every audit row and seal; exit code 3 and the first
                                            broken link when the log was changed
  audit digest [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                            per day, the chain's digest at the end of the day (keep it outside)
  webhook list [--org CODE]                 webhook subscriptions: id, state, organisation, types, target
  webhook add <url> --org CODE --types T1,T2 [--description TEXT]
                                            subscribe a URL; prints the signing secret once
  webhook disable <id> [--reason TEXT]      stop sending to a subscription
  webhook replay <deliveryId> | webhook replay <subscriptionId> --from ISO --to ISO
                                            send one delivery, or those of events in a time range, again
  webhook run                               one run of the delivery worker now (the server runs it every WEBHOOK_POLL_MS)
  notice run                                one pass of the notice job now: meeting notices, own-record notices,
                                            reminders, pending e-mails (the server runs it every NOTICE_JOB_INTERVAL_SECONDS)
  bench [--sizes 1,30] [--runs N]           seed timing, the screens of one cell against the {__typename} ceiling
        [--only screens|dues|queries|load]
        [--clients N] (req/s through HTTP, single-request median), query and dues latencies
        [--seconds S] [--database-url URL]  (median, p95); --database-url: on that seeded database (no seed)
  bench webhooks [--subscriptions N] [--rate R] [--seconds S] [--poll-ms MS] [--writers W] [--database-url URL]
                                            webhook figures: events/s written, deliveries/s, delivery latency p50/p99,
                                            outbox lag, next to the write and HTTP ceilings (fresh embedded database
                                            by default; --database-url: a scratch PostgreSQL database)
  export-memory [--scale N] [--via graphql,http] [--runs N] [--database-url URL]
                                            the biggest export (members of the root) through the deprecated GraphQL
                                            field and GET /exports/members.xlsx, each on a fresh API process: time and
                                            the server's peak RSS growth; a scratch database seeded at --scale (default
                                            5) on TEST_DATABASE_URL's server unless --database-url (seeded, kept)
  db-fault [--database-url URL] [--before S] [--outage S] [--after S] [--clients N] [--restart-command CMD]
                                            write load through HTTP while the database refuses connections and its
                                            backends are terminated: failures per phase, recovery time (goal ≤ 5 s),
                                            no acknowledged write lost; on a scratch database made on that server;
                                            --restart-command: run CMD as the outage (a server of your own only)
`;

const flag = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const orgIdByCode = async (ds: DataSource, code: string | undefined): Promise<string | undefined> => {
  if (!code) return undefined;
  const [row] = await ds.query(`SELECT id FROM organisation WHERE code = $1`, [code]);
  if (!row) throw new DomainError('NOT_FOUND', `No organisation with code ${code}`, 'org');
  return row.id;
};

const userIdByName = async (ds: DataSource, username: string): Promise<string> => {
  const [row] = await ds.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
  if (!row) throw new DomainError('NOT_FOUND', `No user ${username}`, 'username');
  return row.id;
};

const webhookCommand = async (
  svc: WebhookService,
  worker: WebhookWorker,
  ds: DataSource,
  caller: ReturnType<typeof cliCaller>,
  args: string[],
): Promise<number> => {
  const [sub, arg] = args;
  if (sub === 'list') {
    const page = await svc.list(caller.actor, await orgIdByCode(ds, flag(args, '--org')), { offset: 0, limit: 500 });
    for (const s of page.items) {
      console.log(
        `${s.id}  ${s.active ? 'active  ' : 'disabled'}  org ${s.organisationId}  ${s.eventTypes.join(',')}  ${s.targetUrl}${s.active ? '' : `  (${s.disabledReason ?? ''})`}`,
      );
    }
    if (!page.items.length) console.log('No webhook subscriptions.');
    return 0;
  }
  if (sub === 'add') {
    const org = await orgIdByCode(ds, flag(args, '--org'));
    const types = flag(args, '--types');
    if (!arg || !org || !types)
      throw new DomainError(
        'VALIDATION',
        'Usage: webhook add <url> --org CODE --types T1,T2 [--description TEXT]',
        'url',
      );
    const r = await svc.create(caller, {
      organisationId: org,
      targetUrl: arg,
      eventTypes: types
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      description: flag(args, '--description'),
    });
    console.log(
      `Webhook subscription ${r.subscription.id} on ${flag(args, '--org')} for ${r.subscription.eventTypes.join(', ')}. Signing secret (shown once):\n${r.secret}`,
    );
    return 0;
  }
  if (sub === 'disable' && arg) {
    const s = await svc.disable(caller, arg, flag(args, '--reason'));
    console.log(`Webhook subscription ${s.id} disabled: ${s.disabledReason}.`);
    return 0;
  }
  if (sub === 'replay' && arg) {
    const from = flag(args, '--from');
    const to = flag(args, '--to');
    if (from || to) {
      const n = await svc.replayRange(caller, arg, new Date(from ?? ''), new Date(to ?? ''));
      console.log(`${n} deliveries will be sent again.`);
    } else {
      const d = await svc.replayOne(caller, arg);
      console.log(`Delivery ${d.id} (event ${d.eventId}) will be sent again.`);
    }
    return 0;
  }
  if (sub === 'run') {
    const r = await worker.runOnce();
    console.log(
      `Enqueued ${r.enqueued}, attempted ${r.attempted}: ${r.delivered} delivered, ${r.failed} failed (${r.dead} now dead); ${r.disabled} subscriptions disabled.`,
    );
    return 0;
  }
  console.error(
    'Usage: webhook list [--org CODE] | webhook add <url> --org CODE --types T1,T2 | webhook disable <id> [--reason TEXT] | webhook replay <deliveryId> | webhook replay <subscriptionId> --from ISO --to ISO | webhook run',
  );
  return 1;
};

const main = async (argv: string[]): Promise<number> => {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  // asking a command for help prints the usage and runs nothing (no database is opened)
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (command === 'schema') {
    const file = await writeSchema(flag(args, '--out'));
    console.log(`GraphQL schema written to ${file}`);
    return 0;
  }
  if (command === 'bench') return runBench(args);
  if (command === 'export-memory') return runExportMemory(args);
  if (command === 'db-fault') return runDbFault(args);

  const { app, close } = await openContext();
  const ds = app.get(DataSource);
  const admin = app.get(AdminService);
  const caller = cliCaller();
  try {
    switch (command) {
      case 'migrate':
        console.log('Migrations applied.');
        return 0;
      case 'seed': {
        const scale = Number(flag(args, '--scale') ?? '1');
        const seedValue = Number(flag(args, '--seed') ?? '2026');
        if (!(scale > 0 && scale <= 1000))
          throw new DomainError(
            'VALIDATION',
            '--scale must be a number above 0 and at most 1000 (national scale)',
            'scale',
          );
        const res = await seed(app, caller, { scale, seed: seedValue });
        if (res.created)
          console.log(
            `Seeded ${res.organisations} organisations and ${res.members} members in ${res.seconds.toFixed(1)} s (${Math.round(res.members / res.seconds)} members/s).`,
          );
        if (res.phases) console.log(`Steps: ${formatSteps(res)}`);
        console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
        for (const u of res.users) console.log(`  ${u.username.padEnd(10)} ${u.role}`);
        return 0;
      }
      case 'create-admin':
      case 'create-user': {
        const [username, password] = args;
        if (!username || !password)
          throw new DomainError('VALIDATION', `Usage: ${command} <username> <password>`, 'username');
        const user = await admin.createUser(caller, {
          username,
          password,
          displayName: flag(args, '--name') ?? username,
          memberId: flag(args, '--member-id'),
        });
        if (command === 'create-admin') await admin.addGrant(caller, { userId: user.id, role: 'SYSTEM_ADMIN' });
        console.log(`Created ${command === 'create-admin' ? 'administrator' : 'user'} ${username} (${user.id}).`);
        return 0;
      }
      case 'grant': {
        const [username, role] = args;
        if (!username || !role)
          throw new DomainError('VALIDATION', 'Usage: grant <username> <ROLE> [--org CODE] [--member-id ID]', 'role');
        const g = await admin.addGrant(caller, {
          userId: await userIdByName(ds, username),
          role,
          organisationId: await orgIdByCode(ds, flag(args, '--org')),
          memberId: flag(args, '--member-id'),
        });
        console.log(`Granted ${g.role} to ${username} (${g.id}).`);
        return 0;
      }
      case 'create-token': {
        const [name] = args;
        const org = await orgIdByCode(ds, flag(args, '--org'));
        if (!name || !org)
          throw new DomainError(
            'VALIDATION',
            'Usage: create-token <name> --org CODE [--access READ|READ_WRITE]',
            'org',
          );
        const expires = flag(args, '--expires');
        const { secret, token } = await admin.createApiToken(caller, {
          name,
          organisationId: org,
          access: flag(args, '--access') ?? 'READ',
          expiresAt: expires,
        });
        console.log(
          `API token ${token.name} (${token.id}), ${token.access} on ${flag(args, '--org')}. Secret (shown once):\n${secret}`,
        );
        return 0;
      }
      case 'import': {
        const [what, file] = args;
        if (!what || !file)
          throw new DomainError(
            'VALIDATION',
            'Usage: import <organisations|members|dues> <file.csv|file.xlsx> [--skip-invalid] [--dry-run] [--channel CASH|PORTAL]',
            'file',
          );
        const res = await importFile(app, caller, what, file, args.includes('--skip-invalid'), {
          dryRun: args.includes('--dry-run'),
          channel: flag(args, '--channel'),
        });
        const dup = res.duplicates ? `, ${res.duplicates} already imported` : '';
        console.log(
          `${res.dryRun ? 'Dry run, nothing written: would import' : 'Imported'} ${what}: ${res.created} created, ${res.updated} updated${dup}${res.skipped ? `, ${res.skipped} rows skipped` : ''}.`,
        );
        for (const e of res.errors.slice(0, MAX_REPORTED_PROBLEMS))
          console.log(`  row ${e.row}, ${e.column}: ${e.reason}`);
        if (res.errors.length > MAX_REPORTED_PROBLEMS)
          console.log(`  … and ${res.errors.length - MAX_REPORTED_PROBLEMS} more problem(s)`);
        return 0;
      }
      case 'export': {
        const [what, file] = args;
        if (!what || !file)
          throw new DomainError(
            'VALIDATION',
            'Usage: export <organisations|members> <file.csv|file.xlsx> [--org CODE] [--as-of YYYY-MM-DD]',
            'file',
          );
        const n = await exportFile(app, caller, what, file, {
          orgId: await orgIdByCode(ds, flag(args, '--org')),
          asOf: flag(args, '--as-of'),
        });
        console.log(`Exported ${n} ${what} to ${file}.`);
        return 0;
      }
      case 'audit': {
        const chain = app.get(AuditChainService);
        const [sub] = args;
        if (sub === 'seal') {
          const r = await chain.sealPending();
          console.log(
            r.seals
              ? `Sealed ${r.rows} audit rows in ${r.seals} seal(s); chain digest ${r.lastDigest} (seal ${r.lastSeq}).`
              : 'Nothing to seal.',
          );
          return 0;
        }
        if (sub === 'verify') {
          await chain.sealPending().catch((e: unknown) => console.error(e instanceof Error ? e.message : String(e)));
          const v = await chain.verify(caller.actor.name);
          console.log(
            `${v.ok ? 'OK' : 'BROKEN'}: ${v.rowsChecked} rows, ${v.sealsChecked} seals, ${v.unsealedRows} not sealed yet; chain digest ${v.lastDigest ?? '(none)'}.`,
          );
          if (!v.ok)
            console.log(`First broken link: ${v.problem}${v.firstBrokenId ? ` (row ${v.firstBrokenId})` : ''}.`);
          return v.ok ? 0 : 3;
        }
        if (sub === 'digest') {
          const days = await chain.dailyDigests(flag(args, '--from'), flag(args, '--to'));
          for (const d of days)
            console.log(`${d.day}  seals ${d.firstSeq}-${d.lastSeq} (${d.rows} rows)  ${d.lastDigest}`);
          if (!days.length) console.log('No seals in that period.');
          return 0;
        }
        console.error(`Usage: audit seal | audit verify | audit digest [--from YYYY-MM-DD] [--to YYYY-MM-DD]`);
        return 1;
      }
      case 'notice': {
        if (args[0] !== 'run') {
          console.error('Usage: notice run');
          return 1;
        }
        const r = await app.get(NoticeJob).runOnce();
        if (!r.ran) console.log('Another process is running the notice job: nothing done.');
        else
          console.log(
            `Notices written: ${r.meetings} meeting, ${r.records} own-record, ${r.reminders} reminders; ${r.events} events (meeting.published, alert.raised/cleared); e-mails ${r.emailsSent} sent, ${r.emailsFailed} failed.`,
          );
        return 0;
      }
      case 'webhook':
        return await webhookCommand(app.get(WebhookService), app.get(WebhookWorker), ds, caller, args);
      default:
        console.error(`Unknown command ${command}\n\n${USAGE}`);
        return 1;
    }
  } finally {
    await close();
  }
};

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    if (e instanceof DomainError) {
      console.error(`Error ${e.code}${e.field ? ` (${e.field})` : ''}: ${e.message}`);
      const rows = e.details?.rows as { row: number; column: string; reason: string }[] | undefined;
      // row 0 is the file itself: its problem is the message above
      for (const r of (rows ?? []).slice(0, MAX_REPORTED_PROBLEMS))
        if (r.row > 0) console.error(`  row ${r.row}, ${r.column}: ${r.reason}`);
      const more = Number(e.details?.more ?? 0) + Math.max(0, (rows?.length ?? 0) - MAX_REPORTED_PROBLEMS);
      if (more > 0) console.error(`  … and ${more} more problem(s)`);
    } else {
      console.error(e instanceof Error ? e.message : e);
    }
    process.exit(2);
  });
