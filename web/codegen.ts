import type { CodegenConfig } from '@graphql-codegen/cli';

// Operation types come from the server's schema.gql (`npm run schema` prints it).
const config: CodegenConfig = {
  // CODEGEN_SCHEMA lets you build against a schema printed elsewhere; the default is the contract
  schema: process.env.CODEGEN_SCHEMA ?? 'schema.gql',
  documents: ['web/src/**/*.tsx', 'web/src/**/*.ts', '!web/src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', ID: 'string' },
        avoidOptionals: { field: true, inputValue: false },
        defaultScalarType: 'unknown',
        nonOptionalTypename: false,
        skipTypename: false,
      },
    },
  },
};

export default config;
