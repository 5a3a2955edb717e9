import type { Config } from 'jest';

// One config, two projects: the pure domain rules (fast, no I/O) and the API integration tests
// (a real PostgreSQL; each run creates and drops its own database).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const config: Config = {
  // testTimeout is a global option: inside a project entry Jest ignores it (tests and hooks then get the 5 s default,
  // which a busy machine exceeds in the API suites' beforeAll)
  testTimeout: 60000,
  projects: [
    {
      displayName: 'domain',
      rootDir: '<rootDir>/libs/domain',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc as never },
      testEnvironment: 'node',
    },
    {
      displayName: 'api',
      rootDir: '<rootDir>/apps/api',
      testMatch: ['<rootDir>/test/**/*.int-spec.ts', '<rootDir>/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': swc as never },
      moduleNameMapper: { '^@chibo/domain$': '<rootDir>/../../libs/domain/src/index.ts' },
      testEnvironment: 'node',
      setupFiles: ['<rootDir>/test/setup/worker-database.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};

export default config;
