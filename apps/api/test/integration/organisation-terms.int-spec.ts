import { bootApp, errorOf, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Committee term history (docs/organisation.md#terms): the term in force on the as-of date, the terms list, a new
// term versus a correction, overlaps refused with TERM_OVERLAP changing nothing, and scope.
describe('organisation terms', () => {
  let h: Harness;
  let admin: string;
  let t: Awaited<ReturnType<typeof buildTree>>;

  beforeAll(async () => {
    h = await bootApp();
    admin = await h.userWith('SYSTEM_ADMIN');
    t = await buildTree(h.gql, admin);
  });
  afterAll(() => h.close());

  const UPDATE = `mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id termStart } }`;
  const TERM = `query($id: ID!, $d: Date) { organisation(id: $id, asOf: $d) {
    termStart termEnd termType terms { start end type inForce } } }`;
  const update = async (id: string, i: Record<string, unknown>) => h.gql(UPDATE, { id, i }, admin);
  const termOn = async (id: string, d: string, token = admin) => h.gql(TERM, { id, d }, token);
  const rowsOf = (id: string) =>
    h.ds.query(
      `SELECT term_start AS start, term_end AS "end", term_type AS type FROM organisation_term WHERE organisation_id = $1 ORDER BY term_start`,
      [id],
    );

  it('answers the term in force on the as-of date, before and after a new term starts', async () => {
    expect((await update(t.a1, { termStart: '2020-08-15', termEnd: '2025-08-15', termType: '5_YEARS' })).errors).toBe(
      undefined,
    );
    // a later start is a new term, the one before is kept
    expect((await update(t.a1, { termStart: '2025-08-15', termEnd: '2030-08-15', termType: '5_YEARS' })).errors).toBe(
      undefined,
    );
    expect(await rowsOf(t.a1)).toEqual([
      { start: '2020-08-15', end: '2025-08-15', type: '5_YEARS' },
      { start: '2025-08-15', end: '2030-08-15', type: '5_YEARS' },
    ]);
    const old = (await termOn(t.a1, '2025-01-01')).data.organisation;
    expect([old.termStart, old.termEnd]).toEqual(['2020-08-15', '2025-08-15']);
    expect(old.terms).toEqual([
      { start: '2025-08-15', end: '2030-08-15', type: '5_YEARS', inForce: false },
      { start: '2020-08-15', end: '2025-08-15', type: '5_YEARS', inForce: true },
    ]);
    const now = (await termOn(t.a1, '2025-08-15')).data.organisation;
    expect([now.termStart, now.termEnd]).toEqual(['2025-08-15', '2030-08-15']);
    expect(now.terms.map((x: { inForce: boolean }) => x.inForce)).toEqual([true, false]);
    // before any term: the current term, not started yet (the page tags it so)
    const before = (await termOn(t.a1, '2019-01-01')).data.organisation;
    expect(before.termStart).toBe('2025-08-15');
    expect(before.terms.some((x: { inForce: boolean }) => x.inForce)).toBe(false);
  });

  it('corrects the current term in place when the start is not later', async () => {
    const res = await update(t.a1, { termStart: '2025-08-15', termEnd: '2030-08-20', termType: 'HALF_TERM' });
    expect(res.errors).toBeUndefined();
    expect(await rowsOf(t.a1)).toEqual([
      { start: '2020-08-15', end: '2025-08-15', type: '5_YEARS' },
      { start: '2025-08-15', end: '2030-08-20', type: 'HALF_TERM' },
    ]);
  });

  it('refuses a term overlapping another with TERM_OVERLAP and changes nothing', async () => {
    const rows = await rowsOf(t.a1);
    const [org] = await h.ds.query(`SELECT term_start, term_end, term_type FROM organisation WHERE id = $1`, [t.a1]);
    // a new term starting before the current one ends
    const later = errorOf(await update(t.a1, { termStart: '2028-01-01', termEnd: '2033-01-01' }));
    expect(later).toMatchObject({ code: 'CONFLICT', reason: 'TERM_OVERLAP' });
    expect(later?.fields).toEqual([expect.objectContaining({ field: 'termStart', reason: 'TERM_OVERLAP' })]);
    // a correction moving the current term's start back into the previous term
    const back = errorOf(await update(t.a1, { termStart: '2024-01-01' }));
    expect(back).toMatchObject({ code: 'CONFLICT', reason: 'TERM_OVERLAP' });
    expect(await rowsOf(t.a1)).toEqual(rows);
    expect(await h.ds.query(`SELECT term_start, term_end, term_type FROM organisation WHERE id = $1`, [t.a1])).toEqual([
      org,
    ]);
  });

  it('closes an open-ended term when the next one starts; a new organisation starts its history', async () => {
    const created = await h.gql(
      `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id termStart terms { start } } }`,
      {
        i: {
          code: `${t.prefix}.TERMS`,
          name: 'Chi bộ Nhiệm kỳ',
          kind: 'SUBORDINATE_CELL',
          parentId: t.GA,
          establishedOn: '2018-01-01',
          termStart: '2018-03-01',
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createOrganisation.id;
    expect(created.data.createOrganisation.terms).toEqual([{ start: '2018-03-01' }]);
    expect((await update(id, { termStart: '2020-03-01', termEnd: '2022-09-01' })).errors).toBeUndefined();
    expect(await rowsOf(id)).toEqual([
      { start: '2018-03-01', end: '2020-03-01', type: null },
      { start: '2020-03-01', end: '2022-09-01', type: null },
    ]);
  });

  it('batches the terms of a list and keeps an out-of-scope organisation’s terms unreadable', async () => {
    const list = await h.gql(
      `query($u: ID!) { organisations(filter: { underId: $u }, asOf: "2025-01-01") { items { id termStart terms { start } } } }`,
      { u: t.A },
      admin,
    );
    expect(list.errors).toBeUndefined();
    const a1 = list.data.organisations.items.find((o: { id: string }) => o.id === t.a1);
    expect(a1.termStart).toBe('2020-08-15');
    expect(a1.terms).toHaveLength(2);
    const readB = await h.userWith('COMMITTEE_READ', { organisationId: t.B });
    expect(errorOf(await termOn(t.a1, '2025-01-01', readB))?.code).toBe('NOT_FOUND');
    const readA = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    expect((await termOn(t.a1, '2025-01-01', readA)).data.organisation.terms).toHaveLength(2);
  });
});
