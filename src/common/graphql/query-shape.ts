import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionNode,
  SelectionSetNode,
  ValueNode,
  getNamedType,
  GraphQLField,
} from 'graphql';

/** What an operation asks for, as executed: every fragment spread counted where it is spread. */
export interface OperationShape {
  /** Nested field levels (a root field is level 1). */
  depth: number;
  aliases: number;
  /** A list with `first` costs its page size times what each item asks for (GitHub's model). */
  cost: number;
}

/** What the document as a whole holds, before any operation is chosen. */
export interface DocumentShape {
  operations: number;
  fragments: number;
  /** The names of a fragment spread cycle, when there is one. */
  cycle: string[] | null;
  /**
   * Pairs of fields with the same response name at the same place (`{ me { id } me { id } }` is
   * one pair). graphql-js's OverlappingFieldsCanBeMerged compares every such pair, so many of
   * them make validation quadratic.
   */
  repeatedFieldPairs: number;
}

export interface ShapeOptions {
  /** Past this many levels nothing deeper is looked at: the answer is already "too deep". */
  depthCap: number;
  /** The page size a list field's `first` argument is clamped to. */
  maxPageSize: number;
}

// Counts that multiply through spreads stay finite and never become NaN (0 × Infinity).
const SATURATED = 1e15;
const add = (a: number, b: number) => Math.min(SATURATED, a + b);
const multiply = (a: number, b: number) => (a === 0 || b === 0 ? 0 : Math.min(SATURATED, a * b));

const EMPTY: OperationShape = { depth: 0, aliases: 0, cost: 0 };

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    // a duplicate name is refused by validation later; the first one stands until then
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

/** Every selection set below `root`, without recursion (a document can nest deeply). */
function* selectionSetsUnder(root: SelectionSetNode): Generator<SelectionSetNode> {
  const stack = [root];
  while (stack.length) {
    const set = stack.pop()!;
    yield set;
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) {
        stack.push(selection.selectionSet);
      }
    }
  }
}

/**
 * Counts each node of the document once: operations, fragments, spread cycles and repeated
 * fields. Linear in the document's size, with an explicit stack.
 */
export function measureDocument(document: DocumentNode): DocumentShape & { visited: number } {
  const fragments = fragmentsOf(document);
  const spreads = new Map<string, string[]>();
  let visited = 0;
  let repeatedFieldPairs = 0;
  let operations = 0;

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) operations += 1;
    if (
      definition.kind !== Kind.OPERATION_DEFINITION &&
      definition.kind !== Kind.FRAGMENT_DEFINITION
    )
      continue;
    const spread: string[] = [];
    // response paths within this operation or fragment, interned: "parent id/response name" → id
    const pathIds = new Map<string, number>();
    const counts: number[] = [];
    const stack: { set: SelectionSetNode; path: number }[] = [
      { set: definition.selectionSet, path: -1 },
    ];
    while (stack.length) {
      const { set, path } = stack.pop()!;
      for (const selection of set.selections) {
        visited += 1;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          spread.push(selection.name.value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          stack.push({ set: selection.selectionSet, path });
        } else {
          const key = `${path}/${selection.alias?.value ?? selection.name.value}`;
          let id = pathIds.get(key);
          if (id === undefined) {
            id = counts.length;
            pathIds.set(key, id);
            counts.push(0);
          }
          repeatedFieldPairs = add(repeatedFieldPairs, counts[id]); // pairs with the earlier ones
          counts[id] += 1;
          if (selection.selectionSet) stack.push({ set: selection.selectionSet, path: id });
        }
      }
    }
    if (
      definition.kind === Kind.FRAGMENT_DEFINITION &&
      fragments.get(definition.name.value) === definition
    ) {
      spreads.set(definition.name.value, spread);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      spreads.set(`#operation${operations}`, spread);
    }
  }

  return {
    operations,
    fragments: fragments.size,
    cycle: findCycle(spreads),
    repeatedFieldPairs,
    visited,
  };
}

/** A fragment spread cycle, by iterative depth-first search (white/grey/black). */
function findCycle(spreads: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of spreads.keys()) {
    if (state.has(start)) continue;
    const path: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 'open');
    while (path.length) {
      const top = path[path.length - 1];
      const children = spreads.get(top.name) ?? [];
      if (top.next === children.length) {
        state.set(top.name, 'done');
        path.pop();
        continue;
      }
      const child = children[top.next++];
      if (!spreads.has(child)) continue; // unknown fragment: validation names it
      const seen = state.get(child);
      if (seen === 'open') {
        const from = path.findIndex((step) => step.name === child);
        return [...path.slice(from).map((step) => step.name), child];
      }
      if (seen === undefined) {
        state.set(child, 'open');
        path.push({ name: child, next: 0 });
      }
    }
  }
  return null;
}

/**
 * Depth, aliases and cost of one operation as executed, analysing each fragment once (memoised)
 * and multiplying through spreads. Fragments are measured in dependency order, so spreads are
 * never followed recursively; nesting is followed no deeper than `depthCap`.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null | undefined,
  options: ShapeOptions,
): OperationShape & { visited: number; readsVariables: boolean } {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, OperationShape>();
  let visited = 0;
  /** Whether a page size came from a variable: otherwise the shape is the same for any. */
  let readsVariables = false;

  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, definition.defaultValue);
  }

  const pageSize = (field: GraphQLField<unknown, unknown>, node: SelectionNode): number | null => {
    const argument = field.args.find((arg) => arg.name === 'first');
    if (!argument || node.kind !== Kind.FIELD) return null;
    const given = node.arguments?.find((arg) => arg.name.value === 'first')?.value;
    let value: unknown = argument.defaultValue;
    if (given?.kind === Kind.INT) value = Number(given.value);
    else if (given?.kind === Kind.VARIABLE) {
      readsVariables = true;
      const name = given.name.value;
      const fallback = defaults.get(name);
      value =
        variables && name in variables
          ? variables[name]
          : fallback?.kind === Kind.INT
            ? Number(fallback.value)
            : argument.defaultValue;
    } else if (given) value = undefined;
    // anything but a whole number is refused when the operation runs; until then, assume the most
    return Number.isInteger(value)
      ? Math.max(0, Math.min(options.maxPageSize, value as number))
      : options.maxPageSize;
  };

  const measureSet = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    level: number,
    frames = 0,
  ): OperationShape => {
    // deeper than the cap is already too deep: say so without walking further (inline fragments
    // nest without adding levels, so they have a cap of their own)
    if (level >= options.depthCap) return { depth: 1, aliases: 0, cost: 0 };
    if (frames >= options.depthCap * 4) return { depth: SATURATED, aliases: 0, cost: 0 };
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of set.selections) {
      visited += 1;
      let shape: OperationShape;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        shape = memo.get(selection.name.value) ?? EMPTY;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        shape = measureSet(selection.selectionSet, type, level, frames + 1);
      } else {
        const field =
          parent && (isObjectType(parent) || isInterfaceType(parent))
            ? parent.getFields()[selection.name.value]
            : undefined;
        // introspection (off in production) nests deeply by design: it counts no levels
        const introspection = selection.name.value.startsWith('__');
        const below = selection.selectionSet
          ? measureSet(
              selection.selectionSet,
              field ? getNamedType(field.type) : undefined,
              introspection ? level : level + 1,
              frames + 1,
            )
          : EMPTY;
        const page = field ? pageSize(field, selection) : null;
        shape = {
          depth: introspection ? 1 : add(1, below.depth),
          aliases: add(selection.alias ? 1 : 0, below.aliases),
          cost: add(1, page === null ? below.cost : multiply(page, Math.max(1, below.cost))),
        };
      }
      depth = Math.max(depth, shape.depth);
      aliases = add(aliases, shape.aliases);
      cost = add(cost, shape.cost);
    }
    return { depth, aliases, cost };
  };

  for (const name of dependencyOrder(operation, fragments)) {
    const fragment = fragments.get(name)!;
    memo.set(
      name,
      measureSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), 0),
    );
  }
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return { ...measureSet(operation.selectionSet, root ?? undefined, 0), visited, readsVariables };
}

/**
 * The fragments an operation reaches, each after every fragment it spreads (post-order, by an
 * explicit stack). A spread closing a cycle is skipped here; measureDocument reports cycles.
 */
function dependencyOrder(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): string[] {
  const spreadsOf = (set: SelectionSetNode) => {
    const names: string[] = [];
    for (const inner of selectionSetsUnder(set)) {
      for (const selection of inner.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD && fragments.has(selection.name.value)) {
          names.push(selection.name.value);
        }
      }
    }
    return names;
  };
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: { name: string; children: string[]; next: number }[] = [];
  const enter = (name: string) => {
    state.set(name, 'open');
    stack.push({ name, children: spreadsOf(fragments.get(name)!.selectionSet), next: 0 });
  };
  for (const name of spreadsOf(operation.selectionSet)) {
    if (state.has(name)) continue;
    enter(name);
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next === top.children.length) {
        state.set(top.name, 'done');
        order.push(top.name);
        stack.pop();
        continue;
      }
      const child = top.children[top.next++];
      if (!state.has(child)) enter(child);
    }
  }
  return order;
}
