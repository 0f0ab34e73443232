import 'reflect-metadata';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app.config';

/** `npm run schema`: print the code-first schema to schema.gql, which codegen and reviewers read. */
async function run() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    AUTH_MODE: 'dev',
    DATABASE_URL: 'sqlite::memory:',
    WEB_ROOT: '/nonexistent',
  });
  const app = await createApp(config);
  await app.init();
  writeFileSync('schema.gql', printSchema(app.get(GraphQLSchemaHost).schema) + '\n');
  await app.close();
  console.log('Wrote schema.gql');
}

void run();
