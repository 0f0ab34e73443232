import type { Config } from 'jest';

// Transpile only: `npm run typecheck` owns type errors, so tests start fast on two cores.
const base: Config = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
};

const e2e = (kind: 'sqlite' | 'postgres'): Config => ({
  ...base,
  displayName: `e2e-${kind}`,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  setupFiles: [`<rootDir>/test/support/use-${kind}.ts`],
});

const config: Config = {
  // a generous ceiling for real servers and browsers on a shared two-core machine; not a speed check
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    e2e('sqlite'),
    // every end-to-end suite runs again on PostgreSQL when CI (or you) points at a scratch database
    ...(process.env.TEST_DATABASE_URL ? [e2e('postgres')] : []),
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
    },
  ],
};

module.exports = config;
