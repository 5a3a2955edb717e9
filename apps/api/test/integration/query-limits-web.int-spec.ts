import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, visit, Kind, type DocumentNode } from 'graphql';
import { checkQueryLimits } from '../../src/common/graphql/query-limits';
import { loadConfig } from '../../src/config/app-config';

// The query limits (issue 10 §1) must never refuse the web app's own requests: every GraphQL document in
// apps/web/src passes with the default limits, with every page asked at the largest size (500 rows).
const WEB_SRC = join(__dirname, '../../../web/src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });

const webDocuments = (): { file: string; text: string }[] => {
  const sources = files(WEB_SRC).map((file) => ({ file, src: readFileSync(file, 'utf8') }));
  // Selection sets shared as string constants and interpolated with ${NAME}.
  const constants = new Map<string, string>();
  for (const { src } of sources) for (const m of src.matchAll(/const ([A-Z_][A-Z0-9_]*) = (?:`([^`]*)`|'([^']*)')/g)) constants.set(m[1], m[2] ?? m[3]);
  const expand = (t: string): string => t.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_, n: string) => expand(constants.get(n) ?? ''));
  return sources.flatMap(({ file, src }) => [...src.matchAll(/graphql<[^`]*?\(`([^`]*)`/gs)].map((m) => ({ file, text: expand(m[1]) })));
};

/** Variables that ask for the largest page everywhere a PageInput is declared. */
const largestPages = (doc: DocumentNode): Record<string, unknown> => {
  const vars: Record<string, unknown> = {};
  visit(doc, {
    VariableDefinition(node) {
      const t = node.type.kind === Kind.NON_NULL_TYPE ? node.type.type : node.type;
      if (t.kind === Kind.NAMED_TYPE && t.name.value === 'PageInput') vars[node.variable.name.value] = { limit: 500 };
    },
  });
  return vars;
};

describe('query limits and the web app', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
  const limits = loadConfig({ NODE_ENV: 'test' });

  it('lets every query of the web app through, pages at 500 rows', () => {
    const docs = webDocuments();
    expect(docs.length).toBeGreaterThan(50);
    const refused: string[] = [];
    for (const { file, text } of docs) {
      let doc: DocumentNode;
      try {
        doc = parse(text);
      } catch (e) {
        throw new Error(`${file}: ${(e as Error).message}\n${text}`, { cause: e });
      }
      expect(validate(schema, doc)).toEqual([]);
      const r = checkQueryLimits(schema, doc, largestPages(doc), undefined, limits);
      if (r) refused.push(`${file.slice(WEB_SRC.length)}: ${r.message}`);
    }
    expect(refused).toEqual([]);
  });
});
