import { handleInLink } from '../social-accounts/platforms/normalise-handle';
import { AccountVisibility } from '../social-accounts/social-account.entity';

/**
 * What the directory indexes and how a search box's text becomes a query, for both drivers.
 *
 * Text is split into lowercase tokens of letters and digits with accents removed, in the same
 * way for documents and queries, so SQLite FTS5 and PostgreSQL tsvector see identical words.
 * Handles visible to the whole NHS directory are indexed as they are; handles visible to the
 * owner's organisation are indexed only as tokens tagged with that organisation, which only a
 * searcher from the same organisation asks for; handles only the owner sees are not indexed.
 *
 * Organisation tokens are kept apart from the text typed words search (their own FTS5 column,
 * tsvector weight C, a `#`-marked section of `searchText`): every typed word matches as a
 * prefix, so were they in the same text, typing "orgto" would find everyone with an
 * organisation-only handle, in any organisation. Only the viewer's own organisation token for a
 * typed word (`SearchTerm.organisationToken`) ever reaches them.
 */

export const MAX_SEARCH_LENGTH = 200;
const MAX_QUERY_TOKENS = 8;
const MAX_TOKEN_LENGTH = 64;
const ORG_TOKEN_PREFIX = 'orgtok';
// Marks organisation tokens in `searchText`: a typed word (letters and digits) never holds it, so
// its pattern `% word%` cannot reach them.
const ORG_TEXT_MARK = '#';

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
  /** Job title, then the names of the department and site. */
  title: string;
  /** Handles the whole NHS directory may see. */
  handles: string;
  bio: string;
  /**
   * Organisation-only handles as `organisationToken`s: searched only with the viewer's own
   * organisation token, never with a typed word.
   */
  orgHandles: string;
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
  /** The names of the person's site and department: searched with the job title. */
  places: { site?: string | null; department?: string | null } = {},
): SearchDocument {
  const handles: string[] = [];
  const orgHandles: string[] = [];
  for (const account of accounts) {
    const tokens = searchTokens(account.handle);
    if (account.visibility === AccountVisibility.NHS_DIRECTORY) handles.push(...tokens);
    else if (account.visibility === AccountVisibility.ORGANISATION && person.organisationId) {
      const organisationId = person.organisationId;
      orgHandles.push(...tokens.map((token) => organisationToken(organisationId, token)));
    }
  }
  return {
    staffId: person.id,
    name: searchTokens(person.displayName).join(' '),
    title: [
      ...searchTokens(person.jobTitle),
      ...searchTokens(places.department),
      ...searchTokens(places.site),
    ].join(' '),
    handles: handles.join(' '),
    bio: searchTokens(person.bio).join(' '),
    orgHandles: orgHandles.join(' '),
    tags: filterTags({
      organisationId: person.organisationId ?? undefined,
      siteId: person.siteId ?? undefined,
      departmentId: person.departmentId ?? undefined,
      staffGroup: person.staffGroup ?? undefined,
    }).join(' '),
  };
}

/** A typed word: matches as a prefix of a word of the text, or of the viewer's organisation token. */
export interface SearchTerm {
  word: string;
  /**
   * Whole words that may stand for `word` (close spellings from the directory's vocabulary,
   * `similarWords`): a row matching any of them matches the term. Empty unless tolerating typos.
   */
  alternatives?: readonly string[];
  /** `organisationToken(viewer's organisation, word)`, or null for a viewer with none. */
  organisationToken: string | null;
}

/** Each term matches as a prefix (as a person types); every term must match. */
export interface SearchQuery {
  terms: SearchTerm[];
}

/**
 * The query for what someone typed, or null when nothing searchable was typed. No word is
 * reserved: typing an organisation token ("orgtok…") only searches the text for it, where no
 * organisation token is.
 */
export function searchQuery(text: string, viewerOrganisationId: number | null): SearchQuery | null {
  const words = searchTokens(withLinksAsHandles(text)).slice(0, MAX_QUERY_TOKENS);
  if (words.length === 0) return null;
  return {
    terms: words.map((word) => ({
      word,
      organisationToken: viewerOrganisationId
        ? organisationToken(viewerOrganisationId, word)
        : null,
    })),
  };
}

/**
 * A pasted profile link searches as the handle it names (`https://x.com/name` as `@name`), in
 * any form the platform rules accept; other words are kept as typed.
 */
export function withLinksAsHandles(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => (/[./]/.test(word) ? (handleInLink(word) ?? word) : word))
    .join(' ');
}

/**
 * The whole document as one line with a space before each token, for `LIKE '% tok%'`; the
 * organisation tokens last, each marked (` #orgtok…`) so only `organisationLikePattern` finds them.
 */
export function searchText(document: SearchDocument): string {
  const tokens = [document.name, document.title, document.handles, document.bio]
    .join(' ')
    .split(' ')
    .filter(Boolean);
  const marked = document.orgHandles
    .split(' ')
    .filter(Boolean)
    .map((token) => `${ORG_TEXT_MARK}${token}`);
  return ` ${[...tokens, ...marked].join(' ')}`;
}

// One-letter words would make the full-text engine merge every word starting with that letter;
// they are checked on each row instead (see `rowConditionTerms`).
const MIN_INDEXED_TERM = 2;

function indexedTerms(query: SearchQuery): SearchTerm[] {
  return query.terms.filter((term) => term.word.length >= MIN_INDEXED_TERM);
}

/** Terms the full-text index answers, or null when every typed word is a single letter. */
export function hasIndexedTerms(query: SearchQuery): boolean {
  return indexedTerms(query).length > 0;
}

/**
 * Terms to check on each row with LIKE: all of them when walking people by name, else only the
 * single letters the index leaves out.
 */
export function rowConditionTerms(query: SearchQuery, all: boolean): SearchTerm[] {
  return all ? query.terms : query.terms.filter((term) => term.word.length < MIN_INDEXED_TERM);
}

/** `LIKE` pattern for a typed word that starts a word of `searchText`. Tokens hold no `%` or `_`. */
export function likePattern(token: string): string {
  return `% ${token}%`;
}

/** `LIKE` pattern for an organisation token of `searchText` (marked, so typed words miss it). */
export function organisationLikePattern(token: string): string {
  return `% ${ORG_TEXT_MARK}${token}%`;
}

/** The `LIKE` patterns any of which lets a row match `term`. */
export function likePatterns(term: SearchTerm): string[] {
  const alternatives = (term.alternatives ?? []).map((word) => `% ${word} %`);
  // a whole word may also end the text
  const lastWords = (term.alternatives ?? []).map((word) => `% ${word}`);
  return term.organisationToken
    ? [
        likePattern(term.word),
        organisationLikePattern(term.organisationToken),
        ...alternatives,
        ...lastWords,
      ]
    : [likePattern(term.word), ...alternatives, ...lastWords];
}

// The columns a typed word searches; `org_handles` only with the viewer's organisation token.
const TEXT_COLUMNS = '{name title handles bio}';

/**
 * SQLite FTS5 MATCH text: `{name title handles bio} : ("jan"* AND "smi"*)`, or for a viewer with
 * an organisation `({name title handles bio} : "jan"* OR org_handles : "orgtok…jan"*) AND …`;
 * then `AND tags : "org12"` for each filter tag. Typed words never reach the tags or org_handles
 * columns; tags match whole (no prefix). Tokens and tags hold only letters and digits.
 */
export function fts5Match(query: SearchQuery, tags: readonly string[] = []): string {
  const terms = indexedTerms(query);
  const typed = (term: SearchTerm) =>
    term.alternatives?.length
      ? `("${term.word}"* OR ${term.alternatives.map((word) => `"${word}"`).join(' OR ')})`
      : `"${term.word}"*`;
  const words = terms.every((term) => term.organisationToken === null)
    ? `${TEXT_COLUMNS} : (${terms.map(typed).join(' AND ')})`
    : terms
        .map((term) =>
          term.organisationToken === null
            ? `${TEXT_COLUMNS} : ${typed(term)}`
            : `(${TEXT_COLUMNS} : ${typed(term)} OR org_handles : "${term.organisationToken}"*)`,
        )
        .join(' AND ');
  return [words, ...tags.map((tag) => `tags : "${tag}"`)].join(' AND ');
}

/**
 * PostgreSQL to_tsquery('simple', …) text: `(jan:*ABD | orgtok…jan:*C) & smi:*ABD`. Organisation
 * tokens alone carry weight C, so a typed word (weights A, B, D) never matches one.
 */
export function tsQuery(query: SearchQuery): string {
  return indexedTerms(query)
    .map((term) => {
      const options = [
        `${term.word}:*ABD`,
        ...(term.alternatives ?? []).map((word) => `${word}:ABD`),
        ...(term.organisationToken === null ? [] : [`${term.organisationToken}:*C`]),
      ];
      return options.length === 1 ? options[0] : `(${options.join(' | ')})`;
    })
    .join(' & ');
}

/** ts_rank weights {D, C, B, A}: an organisation handle (C) counts as much as a handle (B). */
export const TS_RANK_WEIGHTS = '{0.1, 0.4, 0.4, 1.0}';

/** Words shorter than this are never corrected: too many words are one letter from them. */
export const MIN_CORRECTED_LENGTH = 4;
/** Vocabulary words (names, job titles, places) shorter than this are not kept. */
export const MIN_VOCABULARY_LENGTH = 3;

/** The words of a document the typo fallback may offer: its name and title words. */
export function vocabularyOf(document: SearchDocument): string[] {
  return `${document.name} ${document.title}`
    .split(' ')
    .filter((word) => word.length >= MIN_VOCABULARY_LENGTH);
}

/**
 * The vocabulary words a plain-text search document (`searchText`) may have given: its words
 * long enough to keep, organisation tokens aside. A superset of `vocabularyOf` (bio and handle
 * words too), for finding words a changed document may no longer hold.
 */
export function vocabularyCandidatesOf(text: string): string[] {
  return text
    .split(' ')
    .filter((word) => word.length >= MIN_VOCABULARY_LENGTH && !word.startsWith(ORG_TEXT_MARK));
}

/** The three-letter pieces of a word that FTS5's trigram tokenizer indexes (`aisa` → ais, isa). */
export function trigrams(word: string): string[] {
  const pieces = new Set<string>();
  for (let i = 0; i + 3 <= word.length; i += 1) pieces.add(word.slice(i, i + 3));
  return [...pieces];
}

/**
 * How many edits (insert, delete, change, swap of neighbours) turn `typed` into the start of
 * `word` (or all of it): "aisa" is 1 from "aisha", "cardiolgy" 1 from "cardiology".
 */
export function editsToPrefix(typed: string, word: string): number {
  // optimal string alignment distance, minimised over every prefix of `word`
  const rows = typed.length + 1;
  const cols = word.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = typed[i - 1] === word[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return Math.min(...d[typed.length]);
}

/** Edits allowed for a typed word: one up to 6 letters, two beyond. */
export function allowedEdits(typed: string): number {
  return typed.length <= 6 ? 1 : 2;
}

/** At most this many close spellings stand in for one typed word. */
export const MAX_ALTERNATIVES = 5;

/**
 * The close spellings of `typed` among `candidates` (vocabulary words sharing a trigram), best
 * first: fewest edits, then shortest, then alphabetical. The word itself is never one.
 */
export function closeSpellings(typed: string, candidates: readonly string[]): string[] {
  const allowed = allowedEdits(typed);
  return [...new Set(candidates)]
    .filter((word) => word !== typed && !word.startsWith(typed))
    .map((word) => ({ word, edits: editsToPrefix(typed, word) }))
    .filter(({ edits }) => edits <= allowed)
    .sort(
      (a, b) => a.edits - b.edits || a.word.length - b.word.length || (a.word < b.word ? -1 : 1),
    )
    .slice(0, MAX_ALTERNATIVES)
    .map(({ word }) => word);
}
