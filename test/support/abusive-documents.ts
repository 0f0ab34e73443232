/**
 * The query shapes issue 9 found holding the event loop or answering 500, as GraphQL documents.
 * Shared by the query-limits end-to-end suite and `bench/query-shape.ts`, which times them.
 */

/** Each fragment spreads the next twice: 2^levels expansions of `me { id }` in ~50 bytes a level. */
export function doublingFragments(levels: number): string {
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query Doubling { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { me { id } }`;
}

/** Thousands of aliased lookups hidden in one fragment. */
export function aliasesInFragment(count: number): string {
  const aliases = Array.from(
    { length: count },
    (_, i) => `a${i}: staffMember(id: "${i + 1}") { id }`,
  );
  return `query Aliases { ...Lookups } fragment Lookups on Query { ${aliases.join(' ')} }`;
}

/** More nodes than graphql-query-complexity's node cap (it threw, and the query ran anyway). */
export function manyNodes(count: number): string {
  return `query Nodes { me { ${'id '.repeat(count)} } }`;
}

/** Fragments spreading each other. */
export function fragmentCycle(): string {
  return 'query Cycle { ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }';
}

/** A long chain of fragments (deep recursion for a recursive checker). */
export function fragmentChain(length: number): string {
  const fragments = Array.from({ length }, (_, i) => `fragment C${i} on Query { ...C${i + 1} }`);
  return `query Chain { ...C0 } ${fragments.join(' ')} fragment C${length} on Query { me { id } }`;
}

/** The same field over and over at one place: graphql-js compares every pair (quadratic). */
export function repeatedFields(count: number): string {
  return `query Repeated { ${'me { id } '.repeat(count)} }`;
}

/** Nested pages: 100 people × 100 followers × 100 followers. */
export function costlyPages(): string {
  const hop = (inner: string) => `followers(first: 100) { edges { node { ${inner} } } }`;
  return `query Costly { staff(first: 100) { edges { node { ${hop(hop('id'))} } } } }`;
}
