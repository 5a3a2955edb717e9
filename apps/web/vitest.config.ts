import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { graphqlDocuments } from './vite-plugin-graphql-documents.ts';

// Component tests of the web app's forms and tables (Vitest + Testing Library in jsdom). The network is never used:
// src/test/setup.ts replaces request() of lib/graphql-client with a mock each test answers (src/test/api.ts).
// Two workers at most: the machine running CI is shared, and antd's first import dominates each file's time.
export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  resolve: {
    alias: {
      '@chibo/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/isolate-workers.ts', 'src/test/setup.ts'],
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 20_000,
    // each test starts with a fresh request() mock (src/test/api.ts answer())
    mockReset: true,
    css: false,
    // antd and its rc-* packages are hundreds of small modules: bundled once (node_modules/.vite), each test file
    // imports one file instead of all of them (@ant-design/icons is left out: its bundle loses named exports)
    deps: { optimizer: { client: { enabled: true, include: ['antd'] } } },
  },
});
