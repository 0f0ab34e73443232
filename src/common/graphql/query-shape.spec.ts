import { buildSchema, getIntrospectionQuery, OperationDefinitionNode, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aliasesInFragment,
  doublingFragments,
  fragmentChain,
  fragmentCycle,
  repeatedFields,
} from '../../../test/support/abusive-documents';
import { measureDocument, measureOperation } from './query-shape';

const schema = buildSchema(readFileSync(join(__dirname, '../../../schema.gql'), 'utf8'));
const options = { depthCap: 12, maxPageSize: 100 };

function shapeOf(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  return measureOperation(schema, document, operation, variables, options);
}

describe('measureOperation', () => {
  it.each([
    ['a leaf', '{ me { id } }', { depth: 2, aliases: 0, cost: 2 }],
    ['aliases', '{ a: me { id } b: me { x: id } }', { depth: 2, aliases: 3, cost: 4 }],
    [
      'a page costs first × its items',
      '{ staff(first: 10) { edges { node { id } } } }',
      { depth: 4, aliases: 0, cost: 1 + 10 * 3 },
    ],
    [
      'an absent first is the argument default',
      '{ staff { totalCount } }',
      { depth: 2, aliases: 0, cost: 1 + 20 * 1 },
    ],
    [
      'first over the page size counts as the page size',
      '{ staff(first: 5000) { totalCount } }',
      { depth: 2, aliases: 0, cost: 1 + 100 },
    ],
    [
      'fragments count wherever they are spread',
      '{ ...A ...A } fragment A on Query { x: me { id } }',
      { depth: 2, aliases: 2, cost: 4 },
    ],
    [
      'inline fragments add no level',
      '{ me { ... on StaffMember { id } } }',
      { depth: 2, aliases: 0, cost: 2 },
    ],
  ])('%s', (_name, query, expected) => {
    expect(shapeOf(query)).toMatchObject(expected);
  });

  it('says whether any page size came from a variable (else any variables give the same shape)', () => {
    expect(shapeOf('query($id: ID!) { staffMember(id: $id) { id } }').readsVariables).toBe(false);
    expect(shapeOf('{ staff(first: 10) { totalCount } }').readsVariables).toBe(false);
    expect(
      shapeOf('query($n: Int) { x: me { id } staff(first: $n) { totalCount } }').readsVariables,
    ).toBe(true);
    expect(
      shapeOf('query($n: Int) { ...P } fragment P on Query { staff(first: $n) { totalCount } }')
        .readsVariables,
    ).toBe(true);
  });

  it('takes page sizes from variables, then their defaults', () => {
    const query = 'query($n: Int = 7) { staff(first: $n) { totalCount } }';
    expect(shapeOf(query).cost).toBe(1 + 7);
    expect(shapeOf(query, { n: 50 }).cost).toBe(1 + 50);
    expect(shapeOf(query, { n: 'many' }).cost).toBe(1 + 100); // refused later; assume the most
  });

  it('walks each fragment once however often it is spread (2^40 expansions)', () => {
    const levels = 40;
    const shape = shapeOf(doublingFragments(levels));
    expect(shape.cost).toBe(2 ** levels * 2);
    // each fragment's selections once, plus the operation's one spread
    expect(shape.visited).toBeLessThanOrEqual(2 * (levels + 1) + 2 + 1);
  });

  it('saturates instead of overflowing (2^2000 expansions)', () => {
    const shape = shapeOf(doublingFragments(2000));
    expect(shape.cost).toBe(1e15);
    expect(Number.isFinite(shape.aliases)).toBe(true);
  });

  it('counts aliases inside fragments', () => {
    expect(shapeOf(aliasesInFragment(50)).aliases).toBe(50);
  });

  it('follows a chain of 20,000 fragments without recursion', () => {
    expect(shapeOf(fragmentChain(20_000)).depth).toBe(2);
  });

  it('stops at the depth cap, however deep the document nests', () => {
    const deep =
      '{ me { ' +
      'organisation { departments { organisation { '.repeat(500) +
      'id' +
      ' } } }'.repeat(500) +
      ' } }';
    const shape = shapeOf(deep);
    expect(shape.depth).toBeGreaterThan(12);
    expect(shape.visited).toBeLessThan(20);
  });

  it('lets the introspection query through the depth limit', () => {
    expect(shapeOf(getIntrospectionQuery()).depth).toBeLessThanOrEqual(12);
  });
});

describe('measureDocument', () => {
  it('finds a fragment cycle', () => {
    expect(measureDocument(parse(fragmentCycle())).cycle).toEqual(['A', 'B', 'A']);
    expect(measureDocument(parse('{ ...A } fragment A on Query { me { id } }')).cycle).toBeNull();
  });

  it('finds a cycle at the end of a chain of 20,000 fragments', () => {
    const chain = fragmentChain(20_000).replace(
      'fragment C20000 on Query { me { id } }',
      'fragment C20000 on Query { ...C0 }',
    );
    const shape = measureDocument(parse(chain));
    expect(shape.cycle).toHaveLength(20_002);
  });

  it('counts fields repeated at one place, in pairs, and visits each node once', () => {
    const shape = measureDocument(parse(repeatedFields(40)));
    expect(shape.repeatedFieldPairs).toBe((40 * 39) / 2 + (40 * 39) / 2); // me, and me.id
    expect(shape.visited).toBe(80);
    expect(measureDocument(parse('{ a: me { id } b: me { id } }')).repeatedFieldPairs).toBe(0);
    expect(
      measureDocument(parse('{ me { id ... on StaffMember { id } } }')).repeatedFieldPairs,
    ).toBe(1);
  });

  it('counts operations and fragments', () => {
    const shape = measureDocument(
      parse('query A { me { id } } query B { ...F } fragment F on Query { me { id } }'),
    );
    expect(shape).toMatchObject({ operations: 2, fragments: 1 });
  });
});
