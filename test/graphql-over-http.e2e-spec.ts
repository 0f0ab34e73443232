import { auditServer } from 'graphql-http';
import { createTestApp, TestApp } from './support/create-test-app';
import { World } from './support/world';

describe('GraphQL over HTTP and query limits', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp({}, { listen: true });
    url = `${await t.app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t.close());

  it('passes every MUST audit of the GraphQL over HTTP specification', async () => {
    const results = await auditServer({ url, fetchFn: fetch });
    const musts = results.filter((result) => result.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThanOrEqual(13);
    const failures = musts
      .filter((result) => result.status !== 'ok')
      .map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failures).toEqual([]);
  });

  it('refuses a query nested deeper than the limit', async () => {
    const me = await new World(t).newPerson();
    const deep = '{ me { organisation { ' + 'sites { id } '.repeat(1) + '} } }';
    expect((await t.gql(deep, {}, me)).errors).toBeUndefined();
    const hop = (inner: string) => `followers(first: 1) { edges { node { ${inner} } } }`;
    const tooDeep = `{ me { ${hop(hop(hop(hop('id'))))} } }`;
    const res = await t.gql(tooDeep, {}, me);
    expect(res.errors![0].message).toMatch(/exceeds maximum operation depth/);
  });

  it('refuses an operation with too many aliases', async () => {
    const me = await new World(t).newPerson();
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`, {}, me);
    expect(res.errors![0].message).toMatch(/Too many aliases \(31\)/);
    const fine = Array.from({ length: 30 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect((await t.gql(`{ ${fine} }`, {}, me)).errors).toBeUndefined();
  });

  it('answers bad variables with BAD_USER_INPUT, not an internal error', async () => {
    const me = await new World(t).newPerson();
    const res = await t.gql(
      'query($first: Int!) { staff(first: $first) { totalCount } }',
      { first: 'many' },
      me,
    );
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a page larger than 100 and an operation costing more than the limit', async () => {
    const me = await new World(t).newPerson();
    const big = await t.gql('{ staff(first: 101) { totalCount } }', {}, me);
    expect(big.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const hop = (inner: string) => `followers(first: 100) { edges { node { ${inner} } } }`;
    const costly = await t.gql(
      `{ staff(first: 100) { edges { node { ${hop(hop('id'))} } } } }`,
      {},
      me,
    );
    expect(costly.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
  });

  it('refuses cross-site form posts (CSRF prevention)', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query={me{id}}',
    });
    expect(res.status).toBe(400);
    const get = await fetch(`${url}?query=${encodeURIComponent('{__typename}')}`);
    expect(get.status).toBe(400); // a simple GET without a preflight-forcing header is refused
  });
});
