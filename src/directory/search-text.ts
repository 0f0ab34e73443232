import { AccountVisibility } from '../social-accounts/social-account.entity';

/**
 * What the directory indexes and how a search box's text becomes a query, for both drivers.
 *
 * Text is split into lowercase tokens of letters and digits with accents removed, in the same
 * way for documents and queries, so SQLite FTS5 and PostgreSQL tsvector see identical words.
 * Handles visible to the whole NHS directory are indexed as they are; handles visible to the
 * owner's organisation are indexed only as tokens tagged with that organisation, which only a
 * searcher from the same organisation asks for; handles only the owner sees are not indexed.
 */

export const MAX_SEARCH_LENGTH = 200;
const MAX_QUERY_TOKENS = 8;
const MAX_TOKEN_LENGTH = 64;
const ORG_TOKEN_PREFIX = 'orgtok';

export function searchTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

/** A token only people of organisation `organisationId` search for. */
export function organisationToken(organisationId: number, token: string): string {
  return `${ORG_TOKEN_PREFIX}${String(organisationId).padStart(9, '0')}${token}`;
}

export interface SearchDocument {
  staffId: number;
  name: string;
  title: string;
  handles: string;
  bio: string;
  /**
   * The person's place and staff group as filter tags (`filterTags`), so SQLite's full-text
   * index intersects a search with a filter instead of testing every match row by row. Only
   * ever searched as `tags : "…"`; never part of `searchText` or of relevance.
   */
  tags: string;
}

/** Filters a full-text search can answer from its own index. */
export interface TagFilters {
  organisationId?: number;
  siteId?: number;
  departmentId?: number;
  staffGroup?: string;
}

/** One tag per filter set: `org12 site3 dept40 groupnursingandmidwiferyregistered`. */
export function filterTags(filters: TagFilters): string[] {
  const tags: string[] = [];
  if (filters.organisationId !== undefined) tags.push(`org${filters.organisationId}`);
  if (filters.siteId !== undefined) tags.push(`site${filters.siteId}`);
  if (filters.departmentId !== undefined) tags.push(`dept${filters.departmentId}`);
  if (filters.staffGroup !== undefined) {
    tags.push(`group${filters.staffGroup.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
  }
  return tags;
}

export function searchDocument(
  person: {
    id: number;
    displayName: string;
    jobTitle: string | null;
    bio: string | null;
    organisationId: number | null;
    siteId: number | null;
    departmentId: number | null;
    staffGroup: string | null;
  },
  accounts: { handle: string; visibility: AccountVisibility }[],
): SearchDocument {
  const handles: string[] = [];
  for (const account of accounts) {
    const tokens = searchTokens(account.handle);
    if (account.visibility === AccountVisibility.NHS_DIRECTORY) handles.push(...tokens);
    else if (account.visibility === AccountVisibility.ORGANISATION && person.organisationId) {
      const organisationId = person.organisationId;
      handles.push(...tokens.map((token) => organisationToken(organisationId, token)));
    }
  }
  return {
    staffId: person.id,
    name: searchTokens(person.displayName).join(' '),
    title: searchTokens(person.jobTitle).join(' '),
    handles: handles.join(' '),
    bio: searchTokens(person.bio).join(' '),
    tags: filterTags({
      organisationId: person.organisationId ?? undefined,
      siteId: person.siteId ?? undefined,
      departmentId: person.departmentId ?? undefined,
      staffGroup: person.staffGroup ?? undefined,
    }).join(' '),
  };
}

/** Each term matches as a prefix (as a person types); every term must match. */
export interface SearchQuery {
  /** For each typed word, the tokens any of which may match it. */
  terms: string[][];
}

/**
 * The query for what someone typed, or null when nothing searchable was typed.
 * A typed word that looks like an organisation tag is dropped, so nobody can ask for
 * another organisation's handles by typing the tag.
 */
export function searchQuery(text: string, viewerOrganisationId: number | null): SearchQuery | null {
  const words = searchTokens(text)
    .filter((token) => !token.startsWith(ORG_TOKEN_PREFIX))
    .slice(0, MAX_QUERY_TOKENS);
  if (words.length === 0) return null;
  return {
    terms: words.map((word) =>
      viewerOrganisationId ? [word, organisationToken(viewerOrganisationId, word)] : [word],
    ),
  };
}

/** The whole document as one line of tokens with a space before each, for `LIKE '% tok%'`. */
export function searchText(document: SearchDocument): string {
  const tokens = [document.name, document.title, document.handles, document.bio].join(' ');
  return ` ${tokens.split(' ').filter(Boolean).join(' ')}`;
}

// One-letter words would make the full-text engine merge every word starting with that letter;
// they are checked on each row instead (see `rowConditionTerms`).
const MIN_INDEXED_TERM = 2;

function indexedTerms(query: SearchQuery): string[][] {
  return query.terms.filter((alternatives) => alternatives[0].length >= MIN_INDEXED_TERM);
}

/** Terms the full-text index answers, or null when every typed word is a single letter. */
export function hasIndexedTerms(query: SearchQuery): boolean {
  return indexedTerms(query).length > 0;
}

/**
 * Terms to check on each row with LIKE: all of them when walking people by name, else only the
 * single letters the index leaves out.
 */
export function rowConditionTerms(query: SearchQuery, all: boolean): string[][] {
  return all ? query.terms : query.terms.filter((a) => a[0].length < MIN_INDEXED_TERM);
}

/** `LIKE` pattern for a token that starts a word of `searchText`. Tokens hold no `%` or `_`. */
export function likePattern(token: string): string {
  return `% ${token}%`;
}

/**
 * SQLite FTS5 MATCH text: `{name title handles bio} : (("jan"* OR "orgtok…jan"*) AND "smi"*)`,
 * then `AND tags : "org12"` for each filter tag. Typed words never reach the tags column, and tags
 * match whole (no prefix). Tokens and tags hold only letters and digits.
 */
export function fts5Match(query: SearchQuery, tags: readonly string[] = []): string {
  const words = indexedTerms(query)
    .map((alternatives) => {
      const parts = alternatives.map((token) => `"${token}"*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
  return [`{name title handles bio} : (${words})`, ...tags.map((tag) => `tags : "${tag}"`)].join(
    ' AND ',
  );
}

/** PostgreSQL to_tsquery('simple', …) text: `(jan:* | orgtok…jan:*) & smi:*`. */
export function tsQuery(query: SearchQuery): string {
  return indexedTerms(query)
    .map((alternatives) => {
      const parts = alternatives.map((token) => `${token}:*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(' | ')})`;
    })
    .join(' & ');
}
