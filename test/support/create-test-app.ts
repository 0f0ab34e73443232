import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createApp } from '../../src/bootstrap';
import { DeferredDrainer } from '../../src/database/deferred-drainer';
import { AppConfig, loadConfig } from '../../src/config/app.config';
import { RATE_LIMIT_POLICIES } from '../../src/config/rate-limit.config';
import { DevTokenService } from '../../src/identity/dev/dev-token.service';
import type { StaffMember } from '../../src/staff/staff-member.entity';
import { createTestDatabase, TestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export type Caller = StaffMember | { token: string } | null;

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  /** A bearer token for a person, as the development sign-in would issue (admin if they are one). */
  tokenFor(person: StaffMember): string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Caller,
  ): Promise<GraphQLResponse<T>>;
  http(): ReturnType<typeof request>;
  /** A GET with a bearer token whose body (a CSV export, say) is read whole as UTF-8 text. */
  downloadText(path: string, token: string): request.Test;
  /**
   * Resolves once the deferred work queued so far (a follow's re-scoring of the leaderboard) has
   * been drained and committed: read a board after a follow through this, never after a sleep.
   */
  drained(): Promise<void>;
  /** Closes the app and drops its database (keeps it when another app shares it, `keepDatabase`). */
  close(): Promise<void>;
}

/** Suites not about rate limits send far more from one address than a person would. */
const UNLIMITED = Object.fromEntries(
  Object.values(RATE_LIMIT_POLICIES).map((policy) => [policy.env, '1000000/60']),
);

/** The real application, over HTTP, on a database of its own (SQLite file or PostgreSQL schema). */
export async function createTestApp(
  env: NodeJS.ProcessEnv = {},
  options: { listen?: boolean; database?: TestDatabase; keepDatabase?: boolean } = {},
): Promise<TestApp> {
  // a database another app made: a restart, or a second instance beside the first
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_MODE: 'dev',
    SEED_DEMO_DATA: 'false',
    WEB_ROOT: '/nonexistent',
    // a new guidance version delists at once unless a suite asks for a grace period
    GUIDANCE_GRACE_DAYS: '0',
    ...UNLIMITED,
    ...env,
    DATABASE_URL: database.url,
  });
  config.database = database.config;
  const app = await createApp(config);
  if (options.listen) await app.listen(0, '127.0.0.1');
  else await app.init();

  const tokenFor = (person: StaffMember) => {
    if (config.authMode !== 'dev') {
      throw new Error(
        'tokenFor needs AUTH_MODE=dev; in entra mode mint a token with LocalOidcIssuer and pass { token }',
      );
    }
    return app.get(DevTokenService).issue({ ...person, objectId: person.objectId! }).accessToken;
  };

  const authHeader = (as: Caller | undefined): Record<string, string> => {
    if (!as) return {};
    return { Authorization: `Bearer ${'token' in as ? as.token : tokenFor(as)}` };
  };

  return {
    app,
    config,
    database,
    dataSource: app.get(DataSource),
    tokenFor,
    async gql(query, variables, as) {
      const res = await request(app.getHttpServer())
        .post('/graphql')
        .set({
          'Content-Type': 'application/json',
          Accept: 'application/graphql-response+json, application/json',
          ...authHeader(as),
        })
        .send({ query, variables });
      return res.body;
    },
    http: () => request(app.getHttpServer()),
    downloadText: (path, token) =>
      request(app.getHttpServer())
        .get(path)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => done(null, text));
        }),
    drained: () => app.get(DeferredDrainer).idle(),
    async close() {
      await app.close();
      if (!options.keepDatabase) await database.drop();
    },
  };
}
