import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { bootApp, type Harness } from '../setup/harness';
import { buildTree } from '../setup/fixtures';

// Hostile input (issue 10 §5): a few thousand requests generated from the committed schema with a fixed seed, plus
// hand-made ones (alias bomb, depth, token count, NUL, huge lists, malformed and batched bodies). Whatever comes in,
// the server answers below 500 (no 503 either: the database is up), never with INTERNAL_SERVER_ERROR or a stack
// trace, each answer within a time bound, the same process keeps answering, and memory stays bounded.

const SEED = 0x5eed_10;
const GENERATED = 2400;
const MAX_LATENCY_MS = 10_000;
const MAX_RSS_GROWTH_MB = 300;

/** mulberry32: a small deterministic PRNG (same seed → same requests on every run). */
const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Mutations that would end the fuzzing callers' own sessions (not hostile input, just fewer authenticated requests).
const SKIPPED_MUTATIONS = new Set(['signOut']);

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x'.repeat(10_000),
  '\ud800',
  'a\udfffb',
  '\u202eevil\u202c',
  '\u200f\u2066x\u2069',
  "' OR 1=1 --",
  "'; DROP TABLE member; --",
  '%',
  '_%\\',
  '$1',
  '{"a":1}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'Nguyễn Văn Ấn',
  '🙂'.repeat(50),
  '0000-00-00',
  '9999-12-31',
  '2025-02-30',
  '2025-13-01',
  '-000001-01-01',
  '2026-01-15T25:61:00Z',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '12:00',
  '24:00',
  '99:99',
];
const HOSTILE_INTS = [0, -1, 1, 2, 500, 501, 2147483647, -2147483648, 1e6, -1e6, 1900, 2026, 10000, 99999];
const HOSTILE_WRONG = [null, true, 3.5, 1e300, -0, 'x', [], {}, [1, 'a', null], { a: { b: 'c' } }, 2 ** 53 + 1];
const DATES = [
  '2026-01-15',
  '2015-01-01',
  '0000-00-00',
  '9999-12-31',
  '2025-02-30',
  '0001-01-01',
  '1899-12-31',
  '2026-02-29',
  'yesterday',
  '20260115',
];

describe('hostile input', () => {
  let h: Harness;
  let read: string;
  let member: string;
  let writer: string;
  let ids: string[];

  beforeAll(async () => {
    h = await bootApp();
    const admin = await h.userWith('SYSTEM_ADMIN');
    const t = await buildTree(h.gql, admin);
    read = await h.userWith('COMMITTEE_READ', { organisationId: t.A });
    member = await h.userWith('MEMBER', { memberId: t.m1 });
    writer = await h.userWith('COMMITTEE_WRITE', { organisationId: t.A });
    ids = [t.R, t.A, t.B, t.GA, t.a1, t.a2, t.b1, t.m1, t.m2, t.m4, t.m5];
  });
  afterAll(() => h.close());

  type Sent = { method?: 'POST' | 'GET'; url?: string; headers?: Record<string, string>; payload?: string | Buffer };
  const stats = {
    sent: 0,
    byStatus: new Map<number, number>(),
    byCode: new Map<string, number>(),
    maxLatency: 0,
    slowest: '',
  };
  const problems: string[] = [];

  /** Sends one request and checks the answer; collects every failure with the request that caused it. */
  const send = async (req: Sent, label: string) => {
    const started = Date.now();
    const res = await h.app.inject({
      method: req.method ?? 'POST',
      url: req.url ?? '/graphql',
      headers: req.headers,
      payload: req.payload,
    });
    const ms = Date.now() - started;
    stats.sent++;
    stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
    if (ms > stats.maxLatency) {
      stats.maxLatency = ms;
      stats.slowest = label.slice(0, 200);
    }
    const where = `${label.slice(0, 600)} → ${res.statusCode} ${res.body.slice(0, 600)}`;
    if (res.statusCode >= 500) problems.push(`status ${res.statusCode}: ${where}`);
    if (ms > MAX_LATENCY_MS) problems.push(`${ms} ms: ${where}`);
    let body: unknown = null;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      // Non-JSON answers (e.g. a plain 404/415 from Fastify) are acceptable when below 500.
    }
    for (const answer of Array.isArray(body) ? body : [body]) {
      const errors = (answer as { errors?: { extensions?: Record<string, unknown> }[] } | null)?.errors ?? [];
      for (const e of errors) {
        const code = String(e.extensions?.code ?? '(none)');
        stats.byCode.set(code, (stats.byCode.get(code) ?? 0) + 1);
        if (code === 'INTERNAL_SERVER_ERROR')
          problems.push(`INTERNAL_SERVER_ERROR ${JSON.stringify(e).slice(0, 400)}: ${where}`);
        if (e.extensions && 'stacktrace' in e.extensions) problems.push(`stacktrace: ${where}`);
      }
    }
    return res;
  };
  const json = (body: unknown, token?: string): Sent => ({
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify(body),
  });
  const stillAnswers = async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.json()).toEqual({ data: { __typename: 'Query' } });
  };

  // Bugs the fuzzer found, one assertion each (all answered INTERNAL_SERVER_ERROR or HTTP 500 before).
  describe('regressions found by the fuzzer', () => {
    type Answer = { errors?: { extensions: Record<string, unknown> }[] };
    const codeOf = (res: { json: () => Answer }) => res.json().errors?.[0]?.extensions;

    it('answers a NUL character with HTTP 400, not 500', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/graphql',
        ...json({ query: `query($id: ID!) { member(id: $id) { id } }`, variables: { id: 'a\u0000b' } }, read),
      });
      expect(codeOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER' });
      expect(res.statusCode).toBe(400);
    });

    it('answers a subscription (the schema has none) as BAD_USER_INPUT', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/graphql',
        ...json({ query: `subscription { x }` }, read),
      });
      expect(codeOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_OPERATION' });
      expect(res.statusCode).toBe(400);
    });

    it('answers more than 50 bad variable values and a persisted-query hash mismatch as BAD_USER_INPUT', async () => {
      const many = await h.app.inject({
        method: 'POST',
        url: '/graphql',
        ...json(
          {
            query: `query($f: MemberFilter) { members(filter: $f) { total } }`,
            variables: { f: { probation: Array.from({ length: 60 }, () => 'NOPE') } },
          },
          read,
        ),
      });
      const manyErrors = (many.json() as Answer).errors ?? [];
      expect(manyErrors.map((e) => e.extensions.code)).not.toContain('INTERNAL_SERVER_ERROR');
      expect(manyErrors.at(-1)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLES' });
      const apq = await h.app.inject({
        method: 'POST',
        url: '/graphql',
        ...json({ query: `{ __typename }`, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }, read),
      });
      expect(codeOf(apq)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_MISMATCH' });
      expect(apq.statusCode).toBe(400);
    });

    it('answers inspectionPlans(year: -1) with an organisation as BAD_USER_INPUT without the database code', async () => {
      const res = await h.gql(
        `query($o: ID, $y: Int) { inspectionPlans(organisationId: $o, year: $y) { total } }`,
        { o: ids[4], y: -1 },
        read,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALUE_OUT_OF_RANGE' });
      expect(JSON.stringify(res.errors)).not.toMatch(/22007|Unexpected value/);
    });
  });

  it('answers thousands of generated and hand-made hostile requests without a 5xx, an internal error or a leak', async () => {
    const pid = process.pid;
    const gc = (global as { gc?: () => void }).gc;
    gc?.();
    const rssBefore = process.memoryUsage().rss;
    const startedAll = Date.now();

    // ---- hand-made ----
    const hand: [string, Sent][] = [
      [
        'alias bomb',
        json(
          {
            query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: organisations(page: {limit: 500}) { total items { id code memberCount } }`).join(' ')} }`,
          },
          read,
        ),
      ],
      [
        'alias bomb (short)',
        json({ query: `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: scopeRoots { id }`).join(' ')} }` }, read),
      ],
      [
        'export aliases',
        json({ query: `{ ${Array.from({ length: 100 }, (_, i) => `x${i}: membersXlsx`).join(' ')} }` }, read),
      ],
      [
        '25 deep',
        json({ query: `{ organisation(id: "${ids[4]}") { ${'parent { '.repeat(24)}id${' }'.repeat(24)} } }` }, read),
      ],
      [
        '25 deep fragments',
        json(
          {
            query: `{ scopeRoots { ...F0 } } ${Array.from({ length: 25 }, (_, i) => `fragment F${i} on Organisation { parent { ${i < 24 ? `...F${i + 1}` : 'id'} } }`).join(' ')}`,
          },
          read,
        ),
      ],
      [
        'fragment cycle',
        json(
          { query: `{ scopeRoots { ...A } } fragment A on Organisation { ...B } fragment B on Organisation { ...A }` },
          read,
        ),
      ],
      ['6000 tokens', json({ query: `{ ${'__typename '.repeat(6000)} }` }, read)],
      [
        'NUL in search',
        json(
          {
            query: `query($f: MemberFilter) { members(filter: $f) { total } }`,
            variables: { f: { search: 'a\u0000b' } },
          },
          read,
        ),
      ],
      ['NUL in search inline', json({ query: `{ members(filter: { search: "a\\u0000b" }) { total } }` }, read)],
      [
        'NUL in update',
        json(
          {
            query: `mutation($id: ID!, $i: UpdateMemberInput!) { updateMember(id: $id, input: $i) { id } }`,
            variables: { id: ids[7], i: { job: 'a\u0000b' } },
          },
          member,
        ),
      ],
      ['negative year', json({ query: `{ admissionProgress(year: -1) { __typename } }` }, read)],
      ['huge page', json({ query: `{ organisations(page: {limit: 2147483647, offset: -5}) { total } }` }, read)],
      [
        'huge list argument',
        json(
          {
            query: `mutation($i: MergeOrganisationsInput!) { mergeOrganisations(input: $i) { id } }`,
            variables: {
              i: {
                effectiveOn: '2026-01-15',
                targetId: ids[0],
                sourceIds: Array.from({ length: 100_000 }, (_, i) => `id${i}`),
              },
            },
          },
          read,
        ),
      ],
      [
        'huge list of ids',
        json(
          {
            query: `mutation($i: MergeOrganisationsInput!) { mergeOrganisations(input: $i) { id } }`,
            variables: {
              i: {
                effectiveOn: '2026-01-15',
                targetId: ids[0],
                sourceIds: Array.from({ length: 20_000 }, () => ids[4]),
              },
            },
          },
          read,
        ),
      ],
      [
        'huge variables object',
        json(
          {
            query: `{ __typename }`,
            variables: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`v${i}`, i])),
          },
          read,
        ),
      ],
      [
        '10k-char search',
        json(
          {
            query: `query($f: MemberFilter) { members(filter: $f) { total } }`,
            variables: { f: { search: 'x'.repeat(10_000) } },
          },
          read,
        ),
      ],
      [
        'deep variables',
        {
          headers: { 'content-type': 'application/json', authorization: `Bearer ${read}` },
          payload: `{"query":"query($f: MemberFilter) { members(filter: $f) { total } }","variables":{"f":${'{"search":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
        },
      ],
      ['introspection anon', json({ query: `{ __schema { types { name fields { name } } } }` })],
      ['directive spam', json({ query: `{ __typename ${'@skip(if: false) '.repeat(500)} }` }, read)],
      [
        'unknown operation name',
        json({ query: `query A { __typename } query B { __typename }`, operationName: 'C' }, read),
      ],
      ['two anonymous operations', json({ query: `{ __typename } { __typename }` }, read)],
      ['subscription', json({ query: `subscription { x }` }, read)],
      ['query not a string', json({ query: 42 }, read)],
      ['query an object', json({ query: { a: 1 } }, read)],
      ['variables a string', json({ query: `{ __typename }`, variables: 'x' }, read)],
      ['variables an array', json({ query: `{ __typename }`, variables: [1, 2] }, read)],
      [
        'extensions garbage',
        json({ query: `{ __typename }`, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }, read),
      ],
      ['no query', json({}, read)],
      ['null body', json(null, read)],
      ['number body', json(7, read)],
      ['string body', json('{ __typename }', read)],
      ['malformed JSON', { headers: { 'content-type': 'application/json' }, payload: '{"query": "{ __typename }"' }],
      [
        'JSON with trailing junk',
        { headers: { 'content-type': 'application/json' }, payload: '{"query":"{ __typename }"}}}}' },
      ],
      [
        'invalid UTF-8',
        {
          headers: { 'content-type': 'application/json' },
          payload: Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]),
        },
      ],
      [
        'deep JSON',
        { headers: { 'content-type': 'application/json' }, payload: '['.repeat(50_000) + ']'.repeat(50_000) },
      ],
      ['empty body', { headers: { 'content-type': 'application/json' }, payload: '' }],
      ['empty body without type', { payload: '' }],
      ['text/plain', { headers: { 'content-type': 'text/plain' }, payload: '{"query":"{ __typename }"}' }],
      ['form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'query=%7B__typename%7D' }],
      [
        'multipart garbage',
        {
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
          payload: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--',
        },
      ],
      ['xml', { headers: { 'content-type': 'application/xml' }, payload: '<query/>' }],
      [
        'bogus content type',
        { headers: { 'content-type': 'application/json; charset=ebcdic' }, payload: '{"query":"{ __typename }"}' },
      ],
      ['GET query', { method: 'GET', url: '/graphql?query=%7B__typename%7D' }],
      ['GET mutation', { method: 'GET', url: `/graphql?query=${encodeURIComponent('mutation { signOut }')}` }],
      ['GET garbage', { method: 'GET', url: '/graphql?query=%E0%A4%A&variables=%7B' }],
      ['GET without query', { method: 'GET', url: '/graphql' }],
      [
        'bad bearer',
        {
          headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' },
          payload: '{"query":"{ me { __typename } }"}',
        },
      ],
      [
        'bad auth scheme',
        {
          headers: { 'content-type': 'application/json', authorization: 'Basic Zm9vOmJhcg==' },
          payload: '{"query":"{ me { __typename } }"}',
        },
      ],
      ['batch valid', json([{ query: '{ __typename }' }, { query: '{ scopeRoots { id } }' }], read)],
      [
        'batch of 8',
        json(
          Array.from({ length: 8 }, () => ({ query: '{ __typename }' })),
          read,
        ),
      ],
      [
        'batch too long',
        json(
          Array.from({ length: 9 }, () => ({ query: '{ __typename }' })),
          read,
        ),
      ],
      [
        'batch of 10,000',
        json(
          Array.from({ length: 10_000 }, () => ({ query: '{ __typename }' })),
          read,
        ),
      ],
      ['batch empty', json([], read)],
      ['batch nested', json([[{ query: '{ __typename }' }], [[]]], read)],
      [
        'batch mixed garbage',
        json([{ query: '{ __typename }' }, null, 3, 'x', { query: 5 }, { variables: {} }, []], read),
      ],
      [
        'batch of alias bombs',
        json(
          Array.from({ length: 8 }, () => ({
            query: `{ ${Array.from({ length: 29 }, (_, i) => `a${i}: organisations(page: {limit: 500}) { total items { id } }`).join(' ')} }`,
          })),
          read,
        ),
      ],
      [
        'batch of exports',
        json(
          Array.from({ length: 8 }, () => ({ query: '{ membersXlsx }' })),
          read,
        ),
      ],
      [
        'batch with NUL',
        json(
          [
            {
              query: `query($f: MemberFilter) { members(filter: $f) { total } }`,
              variables: { f: { search: '\u0000' } },
            },
          ],
          member,
        ),
      ],
    ];
    for (const [label, req] of hand) await send(req, `hand-made: ${label}`);
    await stillAnswers();

    // ---- generated from the schema ----
    const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
    const rnd = mulberry32(SEED);
    // the lists hold undefined itself as a hostile value, so an undefined element is a real pick (the index is in range)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const chance = (p: number) => rnd() < p;
    const uuid = () => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(rnd() * 16).toString(16));

    const scalarValue = (name: string): unknown => {
      if (chance(0.1)) return pick(HOSTILE_WRONG);
      switch (name) {
        case 'ID':
          return chance(0.5) ? pick(ids) : chance(0.5) ? uuid() : pick(HOSTILE_STRINGS);
        case 'String':
          return chance(0.3) ? `Tên ${Math.floor(rnd() * 1000)}` : pick(HOSTILE_STRINGS);
        case 'Int':
          return chance(0.7) ? pick(HOSTILE_INTS) : Math.floor(rnd() * 4000) - 1000;
        case 'Float':
          return pick([0, -1, 1.5, 1e308, -1e308, 100, 0.1]);
        case 'Boolean':
          return chance(0.5);
        case 'Date':
          return pick(DATES);
        case 'DateTime':
          return pick([
            '2026-01-15T08:00:00Z',
            '0000-00-00T00:00:00Z',
            '9999-12-31T23:59:59Z',
            '2025-02-30T00:00:00Z',
            'now',
          ]);
        case 'JSON':
          return pick([{}, [], { a: 'b\u0000' }, 'x', 1, null]);
        default:
          return pick(HOSTILE_STRINGS);
      }
    };
    const inputValue = (type: GraphQLInputType, depth = 0): unknown => {
      if (isNonNullType(type)) return chance(0.03) ? null : inputValue(type.ofType, depth);
      if (chance(0.05)) return null;
      if (isListType(type)) {
        const r = rnd();
        const n = r < 0.2 ? 0 : r < 0.9 ? 1 + Math.floor(rnd() * 4) : r < 0.98 ? 200 : 2000;
        return Array.from({ length: n }, () => inputValue(type.ofType, depth + 1));
      }
      if (isEnumType(type)) return chance(0.85) ? pick(type.getValues()).name : pick(['NOPE', '', 'lowercase', 1]);
      if (isScalarType(type)) return scalarValue(type.name);
      if (isInputObjectType(type)) {
        if (depth > 4 || chance(0.05)) return pick(HOSTILE_WRONG);
        const out: Record<string, unknown> = {};
        for (const f of Object.values(type.getFields())) {
          if (isNonNullType(f.type) ? chance(0.95) : chance(0.5)) out[f.name] = inputValue(f.type, depth + 1);
        }
        if (chance(0.05)) out.unknownField = 'x';
        return out;
      }
      return null;
    };
    /** A GraphQL literal for a value (for inline arguments); enums bare, the rest as JSON-compatible literals. */
    const literal = (type: GraphQLInputType, v: unknown): string => {
      const named = getNamedType(type);
      if (v === null || v === undefined) return 'null';
      if (Array.isArray(v)) {
        const bare = isNonNullType(type) ? type.ofType : type;
        const element: GraphQLInputType = isListType(bare) ? bare.ofType : bare;
        return `[${v.map((x) => literal(element, x)).join(', ')}]`;
      }
      if (typeof v === 'object') {
        const fields = isInputObjectType(named) ? named.getFields() : {};
        return `{ ${Object.entries(v)
          .map(([k, x]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(k) ? k : 'bad'}: ${literal(fields[k]?.type ?? named, x)}`)
          .join(', ')} }`;
      }
      if (isEnumType(named) && typeof v === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(v)) return v;
      if (typeof v === 'number' && !Number.isFinite(v)) return '0';
      return JSON.stringify(v);
    };
    const selection = (type: GraphQLOutputType, depth: number): string => {
      const named = getNamedType(type);
      if (isLeafType(named)) return '';
      if (!isObjectType(named) || depth >= 4) return '{ __typename }';
      const fields = Object.values(named.getFields());
      const chosen = new Set<GraphQLField<unknown, unknown>>();
      const n = 1 + Math.floor(rnd() * Math.min(5, fields.length));
      for (let i = 0; i < n; i++) chosen.add(pick(fields));
      const parts = [...chosen].map((f) => {
        const args = f.args.filter((a) => isNonNullType(a.type) || chance(0.3));
        const argText = args.length
          ? `(${args.map((a) => `${a.name}: ${literal(a.type, inputValue(a.type))}`).join(', ')})`
          : '';
        return `${f.name}${argText} ${selection(f.type, depth + 1)}`;
      });
      return `{ ${parts.join(' ')} }`;
    };

    const queryType = schema.getQueryType() as GraphQLObjectType;
    const mutationType = schema.getMutationType() as GraphQLObjectType;
    const queries = Object.values(queryType.getFields());
    const mutations = Object.values(mutationType.getFields()).filter((f) => !SKIPPED_MUTATIONS.has(f.name));
    const tokens = [read, writer, writer, member, member, undefined];

    for (let i = 0; i < GENERATED; i++) {
      const isMutation = chance(0.35);
      const field = pick(isMutation ? mutations : queries);
      const token = pick(tokens);
      const inline = chance(0.3);
      const args: GraphQLArgument[] = field.args.filter((a) => isNonNullType(a.type) || chance(0.6));
      const variables: Record<string, unknown> = {};
      const decls: string[] = [];
      const argTexts = args.map((a) => {
        const v = inputValue(a.type);
        if (inline) return `${a.name}: ${literal(a.type, v)}`;
        // Sometimes declare the variable with a wrong type, or leave it out.
        const declared = chance(0.05) ? pick(['String', 'Int!', '[ID!]!', 'Boolean']) : String(a.type);
        decls.push(`$${a.name}: ${declared}`);
        if (!chance(0.03)) variables[a.name] = v;
        return `${a.name}: $${a.name}`;
      });
      const opArgs = decls.length ? `(${decls.join(', ')})` : '';
      const alias = chance(0.1) ? 'x: ' : '';
      const query = `${isMutation ? 'mutation' : 'query'} Fuzz${i}${opArgs} { ${alias}${field.name}${argTexts.length ? `(${argTexts.join(', ')})` : ''} ${selection(field.type, 1)} }`;
      const body = chance(0.05) ? [{ query, variables }, { query: '{ __typename }' }] : { query, variables };
      await send(json(body, token), `generated #${i}: ${JSON.stringify(body).slice(0, 400)}`);
      if (i % 400 === 399) await stillAnswers();
    }

    await stillAnswers();
    expect(process.pid).toBe(pid);
    gc?.();
    const rssAfter = process.memoryUsage().rss;
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    // The figures of the run (CI log).
    console.log(
      [
        `hostile input: ${stats.sent} requests (${hand.length} hand-made, ${GENERATED} generated, seed ${SEED}) in ${((Date.now() - startedAll) / 1000).toFixed(1)} s`,
        `by status: ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort((a, b) => a[0] - b[0])))}`,
        `by error code: ${JSON.stringify(Object.fromEntries([...stats.byCode].sort((a, b) => b[1] - a[1])))}`,
        `max latency: ${stats.maxLatency} ms (${stats.slowest})`,
        `RSS: ${mb(rssBefore)} MB before, ${mb(rssAfter)} MB after (gc ${gc ? 'exposed' : 'not exposed'})`,
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(mb(rssAfter - rssBefore)).toBeLessThan(MAX_RSS_GROWTH_MB);
  }, 600_000);
});
