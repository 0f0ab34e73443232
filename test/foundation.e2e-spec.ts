import { printSchema } from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StaffService } from '../src/staff/staff.service';
import { TransactionRunner } from '../src/database/transaction-runner';
import { StaffMember } from '../src/staff/staff-member.entity';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

const ME = /* GraphQL */ `
  query {
    me {
      id
      displayName
      jobTitle
      isCommsAdmin
      organisation {
        odsCode
      }
      accounts {
        handle
      }
    }
  }
`;

describe('foundation: the server, its database and its schema', () => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await createTestApp();
    world = new World(t);
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    await t.http().get('/health/ready').expect(200, { status: 'ok', database: 'up' });
  });

  it('returns the signed-in person from me', async () => {
    const organisation = await world.newOrganisation({ odsCode: `R${Date.now() % 100000}` });
    const me = await world.newPerson({
      displayName: 'Jane Example',
      organisationId: organisation.id,
    });
    const res = await t.gql(ME, {}, me);
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toMatchObject({
      id: String(me.id),
      displayName: 'Jane Example',
      isCommsAdmin: false,
      organisation: { odsCode: organisation.odsCode },
      accounts: [],
    });
  });

  it('finds a colleague by id and says clearly when there is none', async () => {
    const [me, colleague] = [
      await world.newPerson(),
      await world.newPerson({ jobTitle: 'Porter' }),
    ];
    const query = `query($id: ID!) { staffMember(id: $id) { displayName jobTitle } }`;
    const found = await t.gql(query, { id: String(colleague.id) }, me);
    expect(found.data!.staffMember).toEqual({
      displayName: colleague.displayName,
      jobTitle: 'Porter',
    });

    const missing = await t.gql(query, { id: '99999999' }, me);
    expect(missing.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses GraphQL without a token with UNAUTHENTICATED', async () => {
    const res = await t.gql(ME);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.data?.me ?? null).toBeNull();
  });

  it('hides leavers from staffMember', async () => {
    const me = await world.newPerson();
    const leaver = await world.newLeaver();
    const res = await t.gql(
      `query($id: ID!) { staffMember(id: $id) { id } }`,
      { id: String(leaver.id) },
      me,
    );
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('runs many concurrent transactional writes without losing one', async () => {
    const service = t.app.get(StaffService);
    const transactions = t.app.get(TransactionRunner);
    const marker = `Concurrent ${Date.now()}`;
    const writes = Array.from({ length: 50 }, (_, i) =>
      transactions.run(async (tx) => {
        const person = await service.create({ displayName: `${marker} ${i}` }, tx);
        await new Promise((resolve) => setImmediate(resolve)); // yield mid-transaction
        await service.update(tx, person.id, { jobTitle: `Role ${i}` });
        return person;
      }),
    );
    // and one that fails half way must leave nothing behind
    const failing = transactions.run(async (tx) => {
      await service.create({ displayName: `${marker} doomed` }, tx);
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    await Promise.all(writes);
    const rows = await t.dataSource
      .getRepository(StaffMember)
      .createQueryBuilder('s')
      .where('s.display_name LIKE :marker', { marker: `${marker}%` })
      .getMany();
    expect(rows).toHaveLength(50);
    expect(rows.every((row) => row.jobTitle?.startsWith('Role '))).toBe(true);
  });

  it('keeps schema.gql in step with the code (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '..', 'schema.gql'), 'utf8');
    const current = printSchema(t.app.get(GraphQLSchemaHost).schema);
    expect(committed.trim()).toBe(current.trim());
  });
});
