import { applyDecorators } from '@nestjs/common';
import { Field, FieldOptions, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy } from 'class-validator';

/**
 * The one ID argument type, for both databases. An id is a string of digits. One that is beyond
 * every table's range (PostgreSQL `integer`; SQLite's is wider, and both keep to the narrower)
 * names no row: it parses to NO_SUCH_ID, which every lookup misses, so it answers exactly as an
 * id that does not exist on either database, never a driver error. Anything else is not an id:
 * BAD_USER_INPUT naming the field.
 */
export const MAX_ID = 2_147_483_647;

/** What an id beyond MAX_ID parses to: no row has it (ids start at 1), and it is truthy. */
export const NO_SUCH_ID = -1;

const ID_FORMAT = /^[0-9]{1,40}$/;

/** The id a client sent, as the number to look up; undefined when it is not an id at all. */
export function parseId(raw: unknown): number | undefined {
  if (typeof raw === 'number') raw = Number.isInteger(raw) && raw >= 0 ? String(raw) : '';
  if (typeof raw !== 'string' || !ID_FORMAT.test(raw)) return undefined;
  const id = Number(raw);
  return id >= 1 && id <= MAX_ID ? id : NO_SUCH_ID;
}

/** Whether a value read back from a cursor or a row is an id a table can hold. */
export function isStoredId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_ID;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? 'an' : 'a');

/**
 * Validates and parses an id (or, with `list`, a list of ids) where it arrives: the property then
 * holds the number to look up (see parseId). For REST queries; GraphQL inputs use IdField.
 */
export function Id(options: { of: string; list?: boolean; optional?: boolean }) {
  const { of, list, optional } = options;
  const parse = ({ value }: { value: unknown }) => {
    if (value === null || value === undefined) return value;
    if (!list) return parseId(value) ?? value;
    return Array.isArray(value) ? value.map((item) => parseId(item) ?? item) : value;
  };
  const message = list
    ? `$property holds something that is not ${article(of)} ${of} id`
    : `$property is not ${article(of)} ${of} id`;
  return applyDecorators(
    ...(optional ? [IsOptional()] : []),
    ValidateBy(
      { name: 'isId', validator: { validate: (value) => typeof value === 'number' } },
      { message, each: list },
    ),
    Transform(parse),
  );
}

/**
 * An `ID` input field or argument (`[ID]` with `list`), parsed to the number to look up. A
 * nullable one is optional.
 */
export function IdField(options: Pick<FieldOptions, 'description' | 'nullable'> & IdOptions) {
  const { of, list, ...field } = options;
  return applyDecorators(
    Field(() => (list ? [ID] : ID), field),
    Id({ of, list, optional: Boolean(field.nullable) }),
  );
}

interface IdOptions {
  /** What it is the id of, for the message: `staffId is not a staff id`. */
  of: string;
  list?: boolean;
}
