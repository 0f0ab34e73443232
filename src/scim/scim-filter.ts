import { Filter, parse } from 'scim2-parse-filter';
import { CORE_USER_SCHEMA } from './scim-schemas';
import { ScimError } from './scim.errors';

/** What a Users filter may ask for: every condition must hold (`eq` joined by `and`). */
export interface UserFilter {
  userName?: string;
  externalId?: string;
  id?: string;
  /** Two different values asked for one attribute: nothing can match. */
  impossible?: boolean;
}

// attribute names are case-insensitive in SCIM, and may carry the core schema's URN
const FILTERABLE: Record<string, keyof Omit<UserFilter, 'impossible'>> = {
  username: 'userName',
  externalid: 'externalId',
  id: 'id',
};

/**
 * Entra ID asks `userName eq "…"`, `externalId eq "…"`, sometimes joined by `and`. Anything else
 * is refused as `invalidFilter` rather than half-understood.
 */
export function parseUserFilter(raw: string | undefined): UserFilter {
  if (raw === undefined || raw.trim() === '') return {};
  let ast: Filter;
  try {
    ast = parse(raw);
  } catch {
    throw invalid(`cannot parse the filter "${raw}"`);
  }
  const result: UserFilter = {};
  for (const condition of flattenAnd(ast)) {
    if (condition.op !== 'eq') {
      throw invalid(`only "eq" and "and" are supported, not "${condition.op}"`);
    }
    const { attrPath, compValue } = condition as { attrPath: string; compValue: unknown };
    const name = attrPath.toLowerCase().replace(`${CORE_USER_SCHEMA.toLowerCase()}:`, '');
    const key = FILTERABLE[name];
    if (!key) throw invalid(`cannot filter on "${attrPath}"; use userName, externalId or id`);
    if (typeof compValue !== 'string') throw invalid(`"${attrPath}" is compared with a string`);
    // userName is not case-exact (compared ignoring case); externalId and id are
    const value = key === 'userName' ? compValue.toLowerCase() : compValue;
    if (result[key] !== undefined && result[key] !== value) result.impossible = true;
    result[key] = value;
  }
  return result;
}

function flattenAnd(filter: Filter): Filter[] {
  if (filter.op === 'and') return (filter as { filters: Filter[] }).filters.flatMap(flattenAnd);
  return [filter];
}

function invalid(detail: string) {
  return new ScimError(400, detail, 'invalidFilter');
}
