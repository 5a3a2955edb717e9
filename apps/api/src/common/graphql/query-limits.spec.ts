import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, type GraphQLError } from 'graphql';
import { checkQueryLimits, nulFields, QueryLimitChecks, type QueryLimits } from './query-limits';

// QueryLimitChecks remembers per parsed document what checkQueryLimits works out per request; it must give the same
// answer for every request, in particular when only the variables change (page sizes, @include) between requests
// sending the same document.
const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
const limits: QueryLimits = { graphqlMaxDepth: 12, graphqlMaxAliases: 30, graphqlMaxCost: 50000, graphqlMaxExports: 1 };

const summary = (e: GraphQLError | null): unknown =>
  e && { message: e.message, limit: e.extensions.limit, max: e.extensions.max, found: e.extensions.found };

const PAGED = `query Pages($p: PageInput, $q: PageInput, $withItems: Boolean!, $name: String) {
  ${Array.from({ length: 18 }, (_, i) => `a${i}: organisations(page: $p) { total items @include(if: $withItems) { id code name kind memberCount } }`).join('\n')}
  b: organisations(page: { limit: 10, offset: 0 }) { items { id name } }
  c: members(page: $q, filter: { search: $name }) { items { id fullName } }
}
query Other { scopeRoots { id } }`;

describe('QueryLimitChecks', () => {
  it('answers as checkQueryLimits for the same document sent with different variables, in any order', () => {
    const checks = new QueryLimitChecks(limits);
    const doc = parse(PAGED); // one DocumentNode, as Apollo's document store hands it out for a repeated query
    const cases: [Record<string, unknown>, string | null][] = [
      [{ p: { limit: 10 }, withItems: true }, 'Pages'],
      [{ p: { limit: 500 }, q: { limit: 500 }, withItems: true }, 'Pages'],
      [{ p: { limit: 500 }, q: { limit: 500 }, withItems: false }, 'Pages'],
      [{ p: { limit: 10 }, withItems: true, name: 'Nguyễn' }, 'Pages'],
      [{ p: { limit: 500 }, q: { limit: 500 }, withItems: true }, 'Pages'], // again, after a cheaper one
      [{ p: { limit: 'many' }, withItems: true }, 'Pages'], // does not fit PageInput: left to graphql-js
      [{}, 'Other'],
    ];
    const answers = [...cases, ...cases.reverse()].map(([v, op]) => {
      const expected = summary(checkQueryLimits(schema, doc, v, op, limits));
      expect(summary(checks.check(schema, doc, v, op))).toEqual(expected);
      return expected;
    });
    // The cases differ where they must: a refusal by cost only for the large pages with their items asked for.
    expect(answers.filter(Boolean).map((a) => (a as { limit: string }).limit)).toEqual([
      'cost',
      'cost',
      'cost',
      'cost',
    ]);
  });

  it('refuses by depth, aliases and exports like checkQueryLimits, every time it is asked', () => {
    const checks = new QueryLimitChecks(limits);
    for (const text of [
      `{ organisations { items { ${'parent { '.repeat(14)}id${' }'.repeat(14)} } } }`,
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: scopeRoots { id }`).join(' ')} }`,
      `{ a: membersXlsx b: organisationsXlsx }`,
    ]) {
      const doc = parse(text);
      const expected = summary(checkQueryLimits(schema, doc, {}, undefined, limits));
      expect(expected).not.toBeNull();
      expect(summary(checks.check(schema, doc, {}, undefined))).toEqual(expected);
      expect(summary(checks.check(schema, doc, {}, undefined))).toEqual(expected);
    }
  });

  it('keeps what the document alone says: exports, introspection, inline NUL characters', () => {
    const checks = new QueryLimitChecks(limits);
    const doc = parse(
      `query($s: String) { a: members(filter: { search: "x\\u0000y" }) { total } b: members(filter: { search: $s }) { total } membersXlsx __schema { queryType { name } } }`,
    );
    const f = checks.of(schema, doc);
    expect(f.exports).toBe(1);
    expect(f.asksForSchema).toBe(true);
    expect(f.inlineNul).toEqual(['filter.search']);
    expect(nulFields(doc, { s: 'a\u0000' })).toEqual(['s', 'filter.search']);
    expect(checks.of(schema, doc)).toBe(f);
  });
});
