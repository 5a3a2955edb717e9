import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, visit, Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
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
  for (const { src } of sources)
    for (const m of src.matchAll(/const ([A-Z_][A-Z0-9_]*) = (?:`([^`]*)`|'([^']*)')/g))
      constants.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  const expand = (t: string): string =>
    t.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_, n: string) => expand(constants.get(n) ?? ''));
  return sources.flatMap(({ file, src }) =>
    [...src.matchAll(/graphql(?:<[^`]*?)?\(`([^`]*)`/gs)].map((m) => ({ file, text: expand(m[1] ?? '') })),
  );
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
    const parsed = docs.map(({ file, text }) => {
      try {
        return { file, doc: parse(text) };
      } catch (e) {
        throw new Error(`${file}: ${(e as Error).message}\n${text}`, { cause: e });
      }
    });
    // Fragments are documents of their own (GraphQL Code Generator's client preset): each operation is checked with
    // the fragments it uses, transitively.
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const { doc } of parsed)
      for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const withFragments = (doc: DocumentNode): DocumentNode => {
      const used = new Map<string, FragmentDefinitionNode>();
      const walk = (node: DocumentNode | FragmentDefinitionNode) =>
        visit(node, {
          FragmentSpread(s) {
            const f = fragments.get(s.name.value);
            if (f && !used.has(f.name.value)) {
              used.set(f.name.value, f);
              walk(f);
            }
          },
        });
      walk(doc);
      const own = new Set(
        doc.definitions
          .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => (d as FragmentDefinitionNode).name.value),
      );
      return { ...doc, definitions: [...doc.definitions, ...[...used.values()].filter((f) => !own.has(f.name.value))] };
    };
    const refused: string[] = [];
    const operations = parsed.filter(({ doc }) => doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION));
    expect(operations.length).toBeGreaterThan(50);
    for (const { file, doc: own } of operations) {
      const doc = withFragments(own);
      expect(validate(schema, doc)).toEqual([]);
      const r = checkQueryLimits(schema, doc, largestPages(doc), undefined, limits);
      if (r) refused.push(`${file.slice(WEB_SRC.length)}: ${r.message}`);
    }
    expect(refused).toEqual([]);
  });
});
