import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CommonErrorReason, InvalidInputError } from '../errors/domain-error';
import { isStoredId, MAX_ID } from './id';

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many to return (1–${MAX_PAGE_SIZE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsBase64({ urlSafe: true }, { message: 'after is not a cursor from this API' })
  after?: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type `<Name>Connection` with `<Name>Edge`, `pageInfo` and `totalCount`. */
export function ConnectionType<T>(nodeType: Type<T>, name = nodeType.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => nodeType)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many match, across all pages.' })
    totalCount: number;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Opaque keyset cursors: a page never uses OFFSET, so deep pages cost the same as the first. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const CURSOR_PARTS = {
  /** An id a table can hold. */
  id: isStoredId,
  /** A whole number an integer column can hold. */
  int: (value: unknown) => Number.isInteger(value) && Math.abs(value as number) <= MAX_ID,
  number: (value: unknown) => typeof value === 'number' && Number.isFinite(value),
  string: (value: unknown) => typeof value === 'string',
  /** Checked by the caller (a timestamp: see decodeTimestampCursor). */
  any: () => true,
};

export type CursorShape = readonly (keyof typeof CURSOR_PARTS)[];
type CursorPart<K> = K extends 'string' ? string : K extends 'any' ? unknown : number;
export type CursorKey<S extends CursorShape> = { -readonly [I in keyof S]: CursorPart<S[I]> };

/** The key of a decoded cursor if it has this shape, else null. */
export function cursorKeyOf<const S extends CursorShape>(
  key: unknown[],
  shape: S,
): CursorKey<S> | null {
  const fits = key.length === shape.length && shape.every((part, i) => CURSOR_PARTS[part](key[i]));
  return fits ? (key as CursorKey<S>) : null;
}

/** The raw key of a cursor (a JSON array), or BAD_USER_INPUT. */
export function decodeCursorKey(cursor: string, field = 'after'): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    // fall through to the friendly error
  }
  throw notACursor(field);
}

/**
 * The key of a cursor this API issued, checked part by part against its shape, so a forged one
 * (an id no table can hold, a number that is not one) is BAD_USER_INPUT on both databases
 * rather than a driver error.
 */
export function decodeCursor<const S extends CursorShape>(
  cursor: string,
  shape: S,
  field = 'after',
): CursorKey<S> {
  const key = cursorKeyOf(decodeCursorKey(cursor, field), shape);
  if (!key) throw notACursor(field);
  return key;
}

export function notACursor(field = 'after'): InvalidInputError {
  return new InvalidInputError(
    CommonErrorReason.INVALID_CURSOR,
    `${field} is not a cursor from this API`,
    field,
  );
}

/** Build a connection from up to `first + 1` rows fetched in key order. */
export function toConnection<T>(
  rows: T[],
  first: number,
  totalCount: number,
  cursorOf: (row: T) => unknown[],
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
