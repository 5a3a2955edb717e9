import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Replaces every `graphql(`…`)` call under src/ by the text of the document GraphQL Code Generator made from it
 * (src/gql/graphql.ts: the operation with the fragments it spreads), and drops the import of src/gql.
 *
 * Why not the generated `graphql()` function: it looks documents up in one map of every document of the app, so
 * the first screen would load all of them (~70 kB of JavaScript). Inlined, each document stays in the chunk of the
 * feature that sends it, as before code generation. The types still come from src/gql (erased at build time).
 *
 * A call whose text has no generated document fails the build (and the dev server, and vitest): run
 * `pnpm --filter @chibo/web run codegen`.
 */
const SRC_DIR = fileURLToPath(new URL('./src/', import.meta.url));
const GQL_DIR = join(SRC_DIR, 'gql/');
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const IMPORT = /^import \{ graphql \} from '(?:\.\.?\/)+gql(?:\/index)?';\r?\n/m;

type Index = { stamp: string; texts: Map<string, string> };
let cache: Index | null = null;

// The generated text is indented for reading; a document holds no string values, so runs of white space can be
// one space (a smaller request body).
const compact = (text: string): string => (text.includes('"') ? text.trim() : text.replace(/\s+/g, ' ').trim());

/** Source text of each `graphql()` call → the document text to send, read from the generated files. */
export const readDocuments = (): Map<string, string> => {
  const gqlFile = join(GQL_DIR, 'gql.ts');
  const typesFile = join(GQL_DIR, 'graphql.ts');
  const stamp = [gqlFile, typesFile].map((f) => statSync(f).mtimeMs).join();
  if (cache?.stamp === stamp) return cache.texts;
  const byName = new Map<string, string>();
  for (const m of readFileSync(typesFile, 'utf8').matchAll(
    /^export const (\w+) = new TypedDocumentString\(`([^`]*)`/gm,
  )) {
    byName.set(m[1]!, compact(m[2]!));
  }
  const map = /^const documents(?::[^=]*)? = \{([\s\S]*?)^\};/m.exec(readFileSync(gqlFile, 'utf8'))?.[1] ?? '';
  const texts = new Map<string, string>();
  for (const m of map.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),?\s*$/gm)) {
    const text = byName.get(m[2]!);
    if (text !== undefined) texts.set(JSON.parse(m[1]!) as string, text);
  }
  cache = { stamp, texts };
  return texts;
};

export const graphqlDocuments = (): Plugin => ({
  name: 'chibo-graphql-documents',
  enforce: 'pre',
  transform(code, id) {
    const file = id.split('?')[0]!;
    if (!/\.tsx?$/.test(file) || !file.startsWith(SRC_DIR) || file.startsWith(GQL_DIR) || !code.includes('graphql(`'))
      return null;
    const texts = readDocuments();
    // line breaks are kept, so positions after a document stay where they were (no source map needed)
    const out = code.replace(CALL, (all: string, source: string) => {
      const text = texts.get(source);
      if (text === undefined) {
        this.error(
          `${file}: a graphql() document has no generated type (or src/gql is stale): run \`pnpm --filter @chibo/web run codegen\``,
        );
      }
      return `(${JSON.stringify(text)}${'\n'.repeat(all.split('\n').length - 1)})`;
    });
    return { code: out.replace(IMPORT, '\n'), map: null };
  },
  generateBundle(_options, bundle) {
    // the generated module must not reach the browser: every use of it is a type or an inlined document
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && Object.keys(chunk.modules).some((m) => m.startsWith(GQL_DIR))) {
        this.error(`${chunk.fileName} bundles src/gql: import only types from it (import type …)`);
      }
    }
  },
});
