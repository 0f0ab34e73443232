import { print, DocumentNode } from 'graphql';
import * as webDocuments from '../web/src/gql/graphql';
import { QUERY_LIMITS } from '../src/common/graphql/query-limits';
import { World } from './support/world';
import {
  aliasesInFragment,
  costlyPages,
  doublingFragments,
  fragmentChain,
  fragmentCycle,
  manyNodes,
  repeatedFields,
} from './support/abusive-documents';
import { createTestApp, TestApp } from './support/create-test-app';

const LIMIT_CODES = [
  'QUERY_TOO_LARGE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_OPERATIONS',
  'TOO_MANY_FRAGMENTS',
  'TOO_MANY_REPEATED_FIELDS',
];

describe('query shape limits, with no sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: unknown) =>
    t
      .http()
      .post('/graphql')
      .set({ 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' })
      .send(body as object);

  it.each([
    ['fragments that each spread the next twice (2^18)', doublingFragments(18), 'QUERY_TOO_COSTLY'],
    ['26 fragments that each spread the next twice', doublingFragments(26), 'TOO_MANY_FRAGMENTS'],
    ['5,000 aliases inside a fragment', aliasesInFragment(5000), 'QUERY_TOO_LARGE'],
    ['31 aliases inside a fragment', aliasesInFragment(31), 'TOO_MANY_ALIASES'],
    [
      'an alias in a fragment spread 31 times',
      `{ ${'...A '.repeat(31)} } fragment A on Query { x: me { id } }`,
      'TOO_MANY_ALIASES',
    ],
    ['13,002 nodes', manyNodes(13_002), 'QUERY_TOO_LARGE'],
    ['a fragment spread cycle', fragmentCycle(), 'GRAPHQL_VALIDATION_FAILED'],
    ['a chain of 3,000 fragments', fragmentChain(3000), 'QUERY_TOO_LARGE'],
    ['30 fragments', fragmentChain(30), 'TOO_MANY_FRAGMENTS'],
    ['the same field 400 times at one place', repeatedFields(400), 'TOO_MANY_REPEATED_FIELDS'],
    ['nested pages of 100 × 100 × 100', costlyPages(), 'QUERY_TOO_COSTLY'],
    [
      'fields nested 14 deep through fragments',
      '{ me { ...A } } ' +
        'fragment A on StaffMember { followers(first: 1) { edges { node { ...B } } } } ' +
        'fragment B on StaffMember { followers(first: 1) { edges { node { ...C } } } } ' +
        'fragment C on StaffMember { followers(first: 1) { edges { node { ...D } } } } ' +
        'fragment D on StaffMember { followers(first: 1) { edges { node { id } } } }',
      'QUERY_TOO_DEEP',
    ],
    [
      '11 operations in one document',
      Array.from({ length: 11 }, (_, i) => `query Q${i} { me { id } }`).join(' '),
      'TOO_MANY_OPERATIONS',
    ],
    [
      'a query text over 20,000 characters',
      `{ socialHandlePreview(platform: X, input: "${'a'.repeat(20_000)}") { valid } }`,
      'QUERY_TOO_LARGE',
    ],
  ])('refuses %s with 400 and a specific code', async (_name, query, code) => {
    const res = await post({
      query,
      operationName: query.startsWith('query Q0') ? 'Q0' : undefined,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe(code);
    expect(res.body.data).toBeUndefined(); // nothing ran
  });

  it('says which limit and how far over', async () => {
    const res = await post({ query: costlyPages() });
    expect(res.body.errors[0].extensions).toEqual({
      code: 'QUERY_TOO_COSTLY',
      limit: QUERY_LIMITS.maxCost,
      // staff(first: 100) × (edges, node, followers(first: 100) × (edges, node, followers × …))
      actual: 1 + 100 * (2 + 1 + 100 * (2 + 1 + 100 * 3)),
    });
  });

  it('prices every request by its own variables, even a document it has seen', async () => {
    const me = await new World(t).newPerson();
    const query =
      'query($n: Int!) { staff(first: $n) { edges { node { followers(first: $n) { edges { node { followers(first: $n) { totalCount } } } } } } } }';
    expect((await t.gql(query, { n: 2 }, me)).errors).toBeUndefined();
    const costly = await t.gql(query, { n: 100 }, me);
    expect(costly.errors![0].extensions!.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses batched requests: one operation per request', async () => {
    const res = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
  });

  it('keeps answering /health while abusive documents are refused', async () => {
    const abusive = Array.from({ length: 20 }, (_, i) =>
      post({ query: `${doublingFragments(18)}\n# ${i}` }),
    );
    const health = Array.from({ length: 20 }, () => t.http().get('/health'));
    const answers = await Promise.all([...abusive, ...health]);
    expect(answers.slice(0, 20).map((res) => res.status)).toEqual(Array(20).fill(400));
    expect(answers.slice(20).map((res) => res.status)).toEqual(Array(20).fill(200));
  });

  it('lets every operation the web client sends through', async () => {
    const me = await new World(t).newPerson();
    const documents = Object.entries(webDocuments).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, document] of documents) {
      const res = await t.gql(print(document as DocumentNode), {}, me);
      const codes = (res.errors ?? []).map((error) => error.extensions?.code);
      expect({ name, codes: codes.filter((code) => LIMIT_CODES.includes(code)) }).toEqual({
        name,
        codes: [],
      });
      expect({ name, validation: codes.includes('GRAPHQL_VALIDATION_FAILED') }).toEqual({
        name,
        validation: false,
      });
    }
  });
});
