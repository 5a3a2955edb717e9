// ESLint flat config (eslint 10, typescript-eslint 8): recommended rules WITHOUT type information (fast), plus
// the layering rule CI depends on: libs/domain is pure TypeScript and may not import frameworks, I/O or apps.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'AbortController', 'AbortSignal', 'fetch', 'Response',
    'Request', 'Headers', 'FormData', 'Blob', 'TextEncoder', 'TextDecoder', 'structuredClone', 'queueMicrotask',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'performance',
    'crypto', 'globalThis',
  ].map((g) => [g, 'readonly']),
);
const commonJsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };
const browserGlobals = Object.fromEntries(
  ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement', 'Event', 'CustomEvent']
    .map((g) => [g, 'readonly']),
);

// What the pure domain library may not depend on (frameworks, database, UI, GraphQL, Node I/O, the apps).
const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https',
  'net', 'os', 'path', 'process', 'stream', 'timers', 'url', 'util', 'worker_threads', 'zlib'];
const domainLayering = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        ...NODE_BUILTINS.map((name) => ({ name, message: 'libs/domain is pure: no Node built-ins (pass values in instead).' })),
        { name: '@chibo/api', message: 'libs/domain may not depend on the apps.' },
        { name: '@chibo/web', message: 'libs/domain may not depend on the apps.' },
      ],
      patterns: [
        {
          group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg/*', 'graphql', 'graphql/*'],
          message: 'libs/domain is pure: no server framework, database or GraphQL imports (they belong in apps/api).',
        },
        {
          group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@tanstack/*'],
          message: 'libs/domain is pure: no UI imports (they belong in apps/web).',
        },
        { group: ['node:*'], message: 'libs/domain is pure: no Node built-ins (pass values in instead).' },
        { regex: '(^|/)apps(/|$)', message: 'libs/domain may not reach into apps/ (the apps depend on the domain, not the reverse).' },
      ],
    },
  ],
};

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/coverage/',
    '**/.data/',
    'apps/web/test-results/',
    '.pnpm-store/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'chibo/pragmatic',
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // NestJS modules and GraphQL models are classes with decorators and no members of their own.
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    name: 'chibo/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'chibo/api-commonjs',
    // apps/api compiles to CommonJS (swc): __dirname is available there.
    files: ['apps/api/**/*.ts'],
    languageOptions: { globals: { ...nodeGlobals, ...commonJsGlobals } },
  },
  {
    name: 'chibo/web',
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } },
  },
  {
    name: 'chibo/web-e2e',
    // Playwright scripts: code passed to page.evaluate() runs in the browser.
    files: ['apps/web/e2e/**/*.{js,mjs,ts}'],
    languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } },
  },
  {
    name: 'chibo/tests',
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'],
    languageOptions: {
      globals: Object.fromEntries(['describe', 'it', 'test', 'expect', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach', 'jest'].map((g) => [g, 'readonly'])),
    },
  },
  {
    name: 'chibo/domain-layering',
    files: ['libs/domain/src/**/*.ts'],
    rules: domainLayering,
  },
);
