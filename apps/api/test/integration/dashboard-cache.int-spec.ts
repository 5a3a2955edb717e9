import { first } from '@chibo/domain';
import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';
import { cliCaller } from '../../src/cli/context';
import { AdminService } from '../../src/modules/auth/admin.service';
import { FIGURE_TABLES } from '../../src/database/migrations/1796540000000-FigureVersions';
import {
  DashboardCache,
  FIGURE_VERSIONS_SQL,
  FOLD_FIGURE_CHANGES_SQL,
} from '../../src/modules/dashboard/dashboard.cache';

// DashboardCache: the figures of a dashboard are kept while the tables that feed them are unchanged, and only then.
const AS_OF = '2026-06-15';
const DASHBOARD = `query($i: DashboardInput!) { dashboard(input: $i) { organisation { id }
  members { members fullMembers admissions } meetings { cells cellsBehind held } visits { assignments }
  organisations { total flagCounts { code count } } children { organisation { id } members alerts }
  alerts { total countsByCode { code count } } } }`;

describe('dashboard cache', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  const dashboard = async (organisationId: string, token = admin) => {
    const res = await h.gql(DASHBOARD, { i: { organisationId, asOf: AS_OF } }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.dashboard;
  };

  const versions = async () =>
    first((await h.ds.query(FIGURE_VERSIONS_SQL)) as { v: string }[], 'figure versions row').v;
  // A fresh sign-in of the administrator (refresh token, throttle, last sign-in time, audit row).
  const signIn = async (): Promise<string> => {
    const res = await h.gql<{ signIn: { accessToken: string } }>(
      `mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }`,
      { i: { username: adminName, password: 'test-password-1' } },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.signIn.accessToken;
  };
  let adminName = '';

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    adminName = `dc${Date.now().toString(36)}`;
    const user = await h.app
      .get(AdminService)
      .createUser(cliCaller(), { username: adminName, displayName: adminName, password: 'test-password-1' });
    await h.app.get(AdminService).addGrant(cliCaller(), { userId: user.id, role: 'SYSTEM_ADMIN' });
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  it('answers a repeated request from the kept figures, with the same figures', async () => {
    // Other suites may share the database and write between two requests, and then the second must compute afresh.
    // So pairs of requests are judged by whether the feeding tables stood still around them: every such pair must be
    // answered from the kept figures.
    const snapshot = versions;
    let quiet = 0;
    for (let i = 0; i < 20 && quiet < 2; i++) {
      h.app.get(DashboardCache).clear(); // the first of the pair computes
      // read before the first request: a commit elsewhere during its computation also makes the pair not still
      const before = await snapshot();
      const first = await h.countQueries(() => dashboard(t.R));
      const second = await h.countQueries(() => dashboard(t.R));
      const still = (await snapshot()) === before;
      expect(second.result).toEqual(first.result);
      if (still) {
        quiet++;
        expect(second.queries).toBeLessThan(first.queries / 3);
      }
    }
    if (quiet === 0)
      console.warn(
        'dashboard cache: the PostgreSQL server never stood still for two requests; kept figures not observed',
      );
  });

  it('keeps the figures across a sign-in (its token, throttle, last-sign-in and audit writes feed no figure)', async () => {
    let quiet = 0;
    for (let i = 0; i < 10 && quiet < 2; i++) {
      h.app.get(DashboardCache).clear();
      const first = await h.countQueries(() => dashboard(t.R));
      const before = await versions();
      const token = await signIn();
      const still = (await versions()) === before;
      const second = await h.countQueries(() => dashboard(t.R, token));
      expect(second.result).toEqual(first.result);
      if (still) {
        quiet++;
        expect(second.queries).toBeLessThan(first.queries / 3);
      }
    }
    if (quiet === 0)
      console.warn('dashboard cache: the feeding tables never stood still around a sign-in; kept figures not observed');
  });

  it('moves the versions on a write to a feeding table, not on a sign-in', async () => {
    const before = await h.ds.query(
      `SELECT count(*)::int AS n FROM figure_change WHERE table_name IN ('refresh_token','sign_in_throttle','audit_log','app_user')`,
    );
    await signIn();
    const after = await h.ds.query(
      `SELECT count(*)::int AS n FROM figure_change WHERE table_name IN ('refresh_token','sign_in_throttle','audit_log','app_user')`,
    );
    expect(after[0].n).toBe(before[0].n);
    const v0 = await versions();
    await t.member(t.a2, 'Đỗ Văn Đếm', { joinedOn: '2016-01-01' });
    expect(await versions()).not.toBe(v0);
    // folding the pending changes leaves the versions as they were
    const v1 = await versions();
    await h.ds.query(FOLD_FIGURE_CHANGES_SQL);
    expect(await versions()).toBe(v1);
  });

  it('has the trigger on every table but those that feed no figure', async () => {
    // A new table: either a figure reads it (give it the figure_changed trigger) or it goes on this list.
    const NO_FIGURES = [
      'access_grant',
      'api_token',
      'refresh_token',
      'sign_in_throttle',
      'audit_log',
      'audit_seal',
      'audit_verification',
      'rate_limit_hit',
      'domain_event',
      'webhook_subscription',
      'webhook_delivery',
      'figure_version',
      'figure_change',
      'migrations',
      // inboxes are per user; the kept dues facts are brought up to date from the dues records (which have the trigger)
      'notice',
      'notice_email',
      'notice_cursor',
      'notice_event_state',
      'dues_fact',
      'dues_fact_year',
      'dues_member_version',
      'dues_fact_epoch',
      'dues_cell_sum',
      // the idempotency keys of writes sent again (offline)
      'client_write',
      // the term history: the flags read the current term, kept on the organisation row (which has the trigger)
      'organisation_term',
    ];
    const tables: { name: string; triggered: boolean }[] = await h.ds.query(
      `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE g.tgrelid = c.oid AND p.proname = 'figure_changed') AS triggered
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r','p')`,
    );
    const wrong = tables.filter((x) => x.triggered === NO_FIGURES.includes(x.name)).map((x) => x.name);
    expect(wrong).toEqual([]);
    for (const x of [...FIGURE_TABLES, 'app_user']) expect(tables.find((y) => y.name === x)?.triggered).toBe(true);
  });

  it('computes afresh after a write: a new member is counted at once', async () => {
    const before = await dashboard(t.R);
    await dashboard(t.R);
    await t.member(t.a2, 'Đinh Văn Mới', { joinedOn: '2016-01-01' });
    const after = await dashboard(t.R);
    expect(after.members.members).toBe(before.members.members + 1);
    const branchA = (d: typeof after) =>
      d.children.find((c: { organisation: { id: string } }) => c.organisation.id === t.A).members;
    expect(branchA(after)).toBe(branchA(before) + 1);
  });

  it('checks access on every request: kept figures are never served to a caller who may not read them', async () => {
    await dashboard(t.R);
    const readerOfA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    const denied = await h.gql(DASHBOARD, { i: { organisationId: t.R, asOf: AS_OF } }, readerOfA);
    expect(errorOf(denied)?.code).toBe('NOT_FOUND');
    expect(denied.data?.dashboard ?? null).toBeNull();
    // the reader's own subtree: the same figures as the administrator sees for it
    expect(await dashboard(t.A, readerOfA)).toEqual(await dashboard(t.A));
  });
});
