import { FindOperator, Raw } from 'typeorm';

/**
 * A where-clause value matching this sign-in name in any case (SCIM userName is not case-exact,
 * RFC 7643), through the unique index on LOWER(user_name).
 */
export function sameUserName(userName: string): FindOperator<string> {
  return Raw((column) => `LOWER(${column}) = LOWER(:userName)`, { userName });
}
