import type Database from 'better-sqlite3';
import { sign } from 'jsonwebtoken';
import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { LoadResult, runLoad } from './http-load';
import type { BenchContext } from './run';
import { SCENARIOS } from './scenarios';
import { SQLITE_CACHE_KIB } from '../src/database/sqlite-cache';

/**
 * The framework floor: a minimal Apollo Server 5 on plain node:http (no Nest, no TypeORM, no
 * Passport) answering the profile scenario's query from the same SQLite file, with prepared
 * better-sqlite3 statements and an RS256 bearer-token check per request (signature, issuer,
 * audience, expiry, then the identity lookup the product makes). Whatever the product costs
 * above this is the stack around the SQL, so the bench reports the product's profile throughput
 * as a ratio to it, measured in the same run (issue 14: at least half).
 */

const PROFILE_SCENARIO = 'profile with accounts and organisation';
const ISSUER = 'urn:staff-voices:framework-floor';
const AUDIENCE = 'urn:staff-voices:api';
const ROUNDS = 3;

/** What the bench adds to its table and prints: each side's median round, and their ratio. */
export interface FrameworkFloorFigures {
  floor: LoadResult;
  product: LoadResult;
  ratio: number;
  /** CPU time per request of each server process (all its threads), median round, in ms. */
  floorCpuMs: number;
  productCpuMs: number;
}

/**
 * Starts the floor on `dataset` and measures it and the product's profile scenario in interleaved
 * rounds (floor, product, floor, …), so both see the same machine; the median round of each.
 */
export async function measureFrameworkFloor(options: {
  dataset: string;
  productPort: number;
  productPid: number;
  context: BenchContext;
  requests: number;
}): Promise<FrameworkFloorFigures> {
  const { dataset, productPort, productPid, context, requests } = options;
  const scenario = SCENARIOS.find((s) => s.name === PROFILE_SCENARIO)!;
  const port = productPort + 2;
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const child = startFloor(dataset, port, keys.publicKey.export({ type: 'spki', format: 'pem' }));
  try {
    await waitForFloor(port, child);
    const floorTokens = new Map<number, string>();
    for (const id of context.people)
      floorTokens.set(id, floorToken(context.db, keys.privateKey, id));
    const load = (name: string, target: number, tokens: Map<number, string>) =>
      runLoad(
        name,
        target,
        (i) => ({
          method: 'POST',
          path: '/graphql',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens.get(context.people[i % context.people.length])!}`,
          },
          body: JSON.stringify(scenario.request(context, i)),
        }),
        { requests },
      );
    const floors: LoadResult[] = [];
    const products: LoadResult[] = [];
    const floorCpu: number[] = [];
    const productCpu: number[] = [];
    // CPU time per request beside the throughput: on a machine others share, the throughput
    // moves with their load, the CPU a request costs much less
    const measured = async (pid: number, cpu: number[], run: () => Promise<LoadResult>) => {
      const before = cpuMs(pid);
      const result = await run();
      cpu.push((cpuMs(pid) - before) / result.requests);
      return result;
    };
    for (let round = 0; round < ROUNDS; round++) {
      floors.push(
        await measured(child.pid!, floorCpu, () =>
          load('framework floor: minimal Apollo Server 5', port, floorTokens),
        ),
      );
      products.push(
        await measured(productPid, productCpu, () =>
          load(`${PROFILE_SCENARIO} (beside the floor)`, productPort, context.tokens),
        ),
      );
    }
    const median = (results: LoadResult[]) =>
      [...results].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(results.length / 2)];
    const middle = (values: number[]) =>
      Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] * 100) / 100;
    const floor = median(floors);
    const product = median(products);
    const ratio = Math.round((product.perSecond / floor.perSecond) * 100) / 100;
    const floorCpuMs = middle(floorCpu);
    const productCpuMs = middle(productCpu);
    console.log(
      `  framework floor (${ROUNDS} interleaved rounds, median): minimal Apollo Server 5 ` +
        `${floor.perSecond}/s p95 ${floor.p95} ms, ${floorCpuMs} ms CPU a request; product ` +
        `${product.perSecond}/s p95 ${product.p95} ms, ${productCpuMs} ms CPU a request; ` +
        `throughput ratio ${ratio} (target ≥ 0.5), CPU ratio ` +
        `${Math.round((floorCpuMs / productCpuMs) * 100) / 100}; rounds: floor ` +
        `${floors.map((r) => r.perSecond).join(', ')}/s, product ` +
        `${products.map((r) => r.perSecond).join(', ')}/s`,
    );
    return { floor, product, ratio, floorCpuMs, productCpuMs };
  } finally {
    child.kill('SIGKILL');
  }
}

/**
 * bench/run.ts's hook: when the profile scenario runs, the floor beside it, as rows of the
 * bench's table (the ratio in the product's row).
 */
export async function frameworkFloorRows(options: {
  dataset: string;
  productPort: number;
  productPid: number;
  context: BenchContext;
  requests: number;
  chosen: (name: string) => boolean;
}): Promise<{ result: LoadResult; target?: string }[]> {
  if (!options.chosen(PROFILE_SCENARIO)) return [];
  const { floor, product, ratio, floorCpuMs, productCpuMs } = await measureFrameworkFloor(options);
  return [
    { result: floor, target: `${floorCpuMs} ms CPU a request` },
    {
      result: product,
      target: `ratio to the floor ${ratio} (≥ 0.5); ${productCpuMs} ms CPU a request`,
    },
  ];
}

/**
 * User and system CPU time a process has used, all its threads, in ms (/proc, Linux); with
 * `thread`, that thread's alone (the main thread's id is the process id).
 */
export function cpuMs(pid: number, thread?: number): number {
  const stat = readFileSync(
    thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`,
    'utf8',
  );
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second)
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function startFloor(dataset: string, port: number, publicKey: string | Buffer): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', require.resolve('ts-node/register/transpile-only'), __filename],
    {
      env: {
        PATH: process.env.PATH,
        FLOOR_DATABASE: dataset,
        FLOOR_PORT: String(port),
        FLOOR_PUBLIC_KEY: publicKey.toString(),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

async function waitForFloor(port: number, child: ChildProcess) {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the framework floor did not start on ${port}`);
}

/** A token like the product's development sign-in gives, for someone the product signed in. */
function floorToken(db: Database.Database, privateKey: KeyObject, staffId: number): string {
  const person = db
    .prepare(
      'SELECT tenant_id AS tid, object_id AS oid, display_name AS name FROM staff_members WHERE id = ?',
    )
    .get(staffId) as { tid: string; oid: string; name: string };
  // the claims the product's development token carries, so the same bytes are verified
  const claims = { ...person, roles: [], scp: 'access_as_user', ver: '2.0' };
  return sign(claims, privateKey, {
    algorithm: 'RS256',
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: 3600,
  });
}

// ---- the floor server itself (its own process) ----

const TYPE_DEFS = `#graphql
  type Organisation { id: ID! name: String! }
  type Site { id: ID! name: String! }
  type Department { id: ID! name: String! }
  type SocialAccount { id: ID! platform: String! handle: String! url: String! }
  type StaffMember {
    id: ID!
    displayName: String!
    jobTitle: String
    organisation: Organisation
    site: Site
    department: Department
    accounts: [SocialAccount!]!
  }
  type Query { staffMember(id: ID!): StaffMember }
`;

interface Viewer {
  id: number;
  organisationId: number | null;
}

interface PersonRow {
  id: number;
  displayName: string;
  jobTitle: string | null;
  organisationId: number | null;
  siteId: number | null;
  departmentId: number | null;
  active: number;
  listed: number;
}

async function serve() {
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const { GraphQLError } = await import('graphql');
  const { default: Sqlite } = await import('better-sqlite3');
  const { createPublicKey } = await import('node:crypto');
  const jwt = await import('jsonwebtoken');

  const db: Database.Database = new Sqlite(process.env.FLOOR_DATABASE!, {
    readonly: true,
    fileMustExist: true,
  });
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`); // as the server's connections
  const statements = {
    identity: db.prepare(
      'SELECT id, organisation_id AS organisationId, active FROM staff_members WHERE tenant_id = ? AND object_id = ?',
    ),
    person: db.prepare(
      `SELECT id, display_name AS displayName, job_title AS jobTitle, organisation_id AS organisationId,
              site_id AS siteId, department_id AS departmentId, active, listed
       FROM staff_members WHERE id = ?`,
    ),
    organisation: db.prepare('SELECT id, name FROM organisations WHERE id = ?'),
    site: db.prepare('SELECT id, name FROM sites WHERE id = ?'),
    department: db.prepare('SELECT id, name FROM departments WHERE id = ?'),
    accounts: db.prepare(
      `SELECT id, staff_id AS staffId, platform, handle, url, visibility
       FROM social_accounts WHERE staff_id = ? ORDER BY platform, id`,
    ),
  };
  // a KeyObject, as the product keeps its key: parsing a PEM per request would cost more
  const publicKey = createPublicKey(process.env.FLOOR_PUBLIC_KEY!);

  const unauthenticated = (message: string) =>
    new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  const viewerOf = (req: IncomingMessage): Viewer => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) throw unauthenticated('a bearer token is required');
    let claims: { tid?: string; oid?: string };
    try {
      claims = jwt.verify(header.slice(7), publicKey, {
        algorithms: ['RS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTolerance: 300,
      }) as typeof claims;
    } catch (error) {
      throw unauthenticated((error as Error).message);
    }
    const person = statements.identity.get(claims.tid, claims.oid) as
      (Viewer & { active: number }) | undefined;
    if (!person?.active) throw unauthenticated('no such active person');
    return { id: person.id, organisationId: person.organisationId };
  };

  const server = new ApolloServer<{ viewer: Viewer }>({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        staffMember: (_: unknown, { id }: { id: string }, { viewer }: { viewer: Viewer }) => {
          const person = statements.person.get(Number(id)) as PersonRow | undefined;
          const visible = person && (person.id === viewer.id || (person.active && person.listed));
          if (!visible) throw new GraphQLError('No such member of staff');
          return person;
        },
      },
      StaffMember: {
        organisation: (p: PersonRow) =>
          p.organisationId ? statements.organisation.get(p.organisationId) : null,
        site: (p: PersonRow) => (p.siteId ? statements.site.get(p.siteId) : null),
        department: (p: PersonRow) =>
          p.departmentId ? statements.department.get(p.departmentId) : null,
        accounts: (p: PersonRow, _: unknown, { viewer }: { viewer: Viewer }) =>
          (statements.accounts.all(p.id) as { staffId: number; visibility: string }[]).filter(
            (a) =>
              a.staffId === viewer.id ||
              a.visibility === 'NHS_DIRECTORY' ||
              (a.visibility === 'ORGANISATION' &&
                p.organisationId !== null &&
                p.organisationId === viewer.organisationId),
          ),
      },
    },
  });
  await startStandaloneServer(server, {
    listen: { port: Number(process.env.FLOOR_PORT), host: '127.0.0.1' },
    context: async ({ req }) => ({ viewer: viewerOf(req) }),
  });
}

if (require.main === module) void serve();
