// GraphQL Code Generator: the web app's API types come from the API's schema file (apps/api/schema.gql), never by
// hand. Every `graphql(`…`)` document under src/ is validated against the schema and typed; the output is
// src/gql/ (committed). `pnpm --filter @chibo/web run codegen` regenerates it; `run codegen:check` fails when a
// document does not validate or the committed output is stale (a step of `npm test`).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // documents are strings (TypedDocumentString): lib/graphql-client.ts posts them as they are
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        strictScalars: true,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'Record<string, unknown>', ID: 'string' },
      },
    },
  },
};

export default config;
