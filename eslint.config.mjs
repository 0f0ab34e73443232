import eslint from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'web/dist/', 'web/src/gql/', 'node_modules/', 'coverage/', 'test-results/'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  layers(),
  {
    files: ['scripts/**/*.cjs', 'src/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly' } },
    // plain CommonJS, loaded without TypeScript (the read pool's worker thread)
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bench/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        process: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/vite.config.mts', 'web/codegen.ts', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);

/**
 * The layers (docs/architecture.md): base layers (config, common, database) import no feature and
 * nothing from the top; a feature imports nothing from the top, and from another feature only
 * what it shares (its module, services, entities, models, errors, change topics, SQL rules and
 * pure rules), never its internals (repositories, resolvers, controllers, loaders, derived-state
 * handlers, DTOs). The top (app module, GraphQL module, seed, command lines) composes them all.
 */
function layers() {
  const feature = { type: 'feature' };
  return {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/elements': [
        { type: 'base', pattern: 'src/(config|common|database)', partialMatch: false },
        { type: 'top', pattern: 'src/(cli|seed)', partialMatch: false },
        { ...feature, pattern: 'src/*', capture: ['feature'], partialMatch: false },
      ],
      // app.module, app-graphql.module, bootstrap, main: the composition root
      'boundaries/files': [{ category: 'top', pattern: 'src/*.ts' }],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkUnknownLocals: true, // the composition root's files belong to no element
          policies: [
            {
              from: { element: { type: 'base' } },
              disallow: [
                { to: { element: { types: ['feature', 'top'] } } },
                { to: { file: { categories: 'top' } } },
              ],
              message:
                'A base layer (config, common, database) imports no feature: let the feature register with it instead (docs/architecture.md)',
            },
            {
              from: { element: feature },
              disallow: [
                { to: { element: { type: 'top' } } },
                { to: { file: { categories: 'top' } } },
              ],
              message: 'A feature imports nothing from the top (app module, seed, command lines)',
            },
            {
              from: { element: feature },
              disallow: {
                to: {
                  element: {
                    ...feature,
                    fileInternalPath: [
                      '**/*.repository.ts',
                      '**/*.resolver.ts',
                      '**/*.controller.ts',
                      '**/*.loader.ts',
                      '**/*.derived.ts',
                      '**/*.personal-data.ts',
                      'dto/**',
                    ],
                  },
                },
              },
              message:
                "That is another feature's internals: use what its module exports (a service, an entity, its errors or change topics)",
            },
          ],
        },
      ],
    },
  };
}
