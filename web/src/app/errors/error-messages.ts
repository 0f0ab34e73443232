import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { PLATFORM_LABELS } from '../labels/labels';
import type { Platform } from '../../gql/graphql';

/**
 * The one place a refusal becomes words a person can act on, in NHS style. A server error is
 * looked up by its `extensions.reason` first (a specific refusal such as HANDLE_TAKEN), then by
 * `extensions.code` and `extensions.field`; its message text is never read to decide anything.
 */

export interface Problem {
  message: string;
  /** The form field it is about (server field path, without `input.`), to link to. */
  field?: string;
}

/** What the person sent, by field: some words depend on it (too long, or a hidden character). */
export type SentValues = Record<string, unknown>;

interface TextRule {
  /** How the field is named at the start of a sentence: "Bio must be…". */
  label: string;
  max: number;
  multiline?: boolean;
  /** When it is empty but must not be. */
  required?: string;
  /** The whole sentence when too long, when it reads better than the pattern. */
  tooLong?: string;
}

// the server's limits (src/staff, src/directory, src/communities, src/leaders, src/guidance)
const TEXT_RULES: Record<string, TextRule> = {
  displayName: { label: 'Name', max: 100, required: 'Enter your name' },
  reason: {
    label: 'Reason',
    max: 500,
    multiline: true,
    required: 'Say why you are refusing: they will read it',
  },
  jobTitle: { label: 'Job title', max: 100 },
  pronouns: { label: 'Pronouns', max: 30 },
  bio: { label: 'Bio', max: 1000, multiline: true },
  search: {
    label: 'Search',
    max: 200,
    tooLong: 'Enter a search of 200 characters or fewer',
  },
  name: { label: 'Name', max: 120, required: 'Enter the community’s name' },
  description: { label: 'Description', max: 2000, multiline: true },
  title: { label: 'Title', max: 200, required: 'Enter a title' },
  statement: { label: 'Statement', max: 2000, multiline: true },
  summary: { label: 'Summary', max: 2000, multiline: true, required: 'Enter a summary' },
  'links.label': { label: 'Link text', max: 60, required: 'Enter the link text' },
};

/** Refusals whose words do not depend on what was typed. */
const FIELD_MESSAGES: Record<string, string> = {
  hashtag: 'Enter a hashtag of letters, digits or underscores, like #hellomynameis',
  slug: 'Enter an address of lower-case letters, digits and single hyphens, like wenurses',
  kind: 'Select what kind of community it is',
  'links.url': 'Enter a link that starts with https://',
  url: 'Enter a link that starts with https://',
  staffGroup: 'Select a staff group from the list',
  siteId: 'Select a site from the list',
  departmentId: 'Select a department or team from the list',
  organisationId: 'Select your organisation',
  platform: 'Select the platform',
  version: 'The guidance has changed since you opened this page: read the new version',
  after: 'This page of results is out of date. Start the search again.',
  campaignHashtag:
    'Enter a hashtag of one word: letters, digits or underscores, like #NHSSocialMediaWeek',
  followers: 'Followers must be a whole number, 0 or more',
  following: 'Following must be a whole number, 0 or more',
  posts: 'Posts must be a whole number, 0 or more',
  engagements: 'Engagements must be a whole number, 0 or more',
  day: 'Date must be today or in the past',
};

/** A leaderboard weight outside what the server takes (src/leaderboard/score.ts MAX_WEIGHT). */
export const WEIGHT_RANGE_MESSAGE = 'Enter a whole number from 0 to 100';

const platformLabel = (values?: SentValues) =>
  typeof values?.platform === 'string' && values.platform in PLATFORM_LABELS
    ? PLATFORM_LABELS[values.platform as Platform]
    : 'social media';

/** What to say when a form is sent with a required answer missing. */
const MISSING_MESSAGES: Record<string, string> = {
  platform: 'Select the platform',
  handle: 'Enter your handle or paste a link to your profile',
  kind: FIELD_MESSAGES.kind,
  organisationId: FIELD_MESSAGES.organisationId,
  confirmed: 'Confirm that you have read the guidance',
  leaderTitle: 'Enter their title, such as Chief Executive',
  refuseReason: 'Say why you are refusing: they will read it',
  campaignName: 'Enter the campaign’s name',
  campaignHashtag: 'Enter the campaign’s hashtag, like #NHSSocialMediaWeek',
  startsOn: 'Enter the day the campaign starts',
  endsOn: 'Enter the day the campaign ends',
  file: 'Select a CSV file to import',
  importCampaign: 'Select the campaign the activity is for',
};

/** The words for a missing answer to this field, checked before the form is sent. */
export function missingMessage(field: keyof typeof MISSING_MESSAGES | string): string {
  return MISSING_MESSAGES[field] ?? TEXT_RULES[field]?.required ?? 'Answer this question';
}

/** A day's figures for an account, as people name them. */
export const FIGURE_LABELS = {
  followers: 'Followers',
  following: 'Following',
  posts: 'Posts',
  engagements: 'Engagements',
} as const;

// GraphQL's Int: the largest figure the server takes
const MAX_FIGURE = 2_147_483_647;

/**
 * What is wrong with a typed figure (a whole number, 0 or more; commas allowed), or null.
 * Followers are required, the rest optional.
 */
export function figureProblem(field: keyof typeof FIGURE_LABELS, typed: string): string | null {
  const label = FIGURE_LABELS[field];
  if (typed === '') return field === 'followers' ? 'Enter the number of followers' : null;
  const digits = typed.replaceAll(',', '');
  if (!/^\d+$/.test(digits)) return `${label} must be a whole number, like 1250`;
  if (Number(digits) > MAX_FIGURE)
    return `${label} must be ${MAX_FIGURE.toLocaleString('en-GB')} or fewer`;
  return null;
}

/** The words when the erasure's confirmation is not exactly ERASE. */
export const ERASE_CONFIRM_MESSAGE = 'Type ERASE in capital letters to confirm';

/** The words for a link that is not an https:// address. */
export const HTTPS_LINK_MESSAGE = FIELD_MESSAGES.url;

/** Specific refusals, preferred over everything else. */
const REASON_MESSAGES: Record<string, (values?: SentValues) => string> = {
  HANDLE_TAKEN: (values) =>
    `That ${platformLabel(values)} account is already registered in Staff Voices. If it is yours, ask your communications team for help.`,
  HANDLE_ALREADY_MINE: (values) => `You have already added that ${platformLabel(values)} account`,
  OUTSIDE_YOUR_ORGANISATION: () =>
    'Only the communications team of the person’s own organisation can do that',
  REPORT_RESOLVED: () => 'Someone has already resolved that report. Reload the page.',
  NATIONAL_LEADERS_NEED_NATIONAL_ADMIN: () =>
    'Only the national communications team can change the national leaders list',
  NOT_YOUR_ORGANISATIONS_LEADERS: () =>
    'Only the organisation’s own communications team can change its leaders list',
  LEADER_ON_ANOTHER_LIST: () =>
    'This person is featured on another leaders list. Ask whoever curates it to remove them first.',
  LEADER_NOT_IN_ORGANISATION: () =>
    'Only people who work for your organisation can be on its leaders list',
  NOT_YOUR_ORGANISATION_CLAIMS: () =>
    'Only the organisation’s own communications team can confirm people who say they work there',
  CLAIM_NOT_PENDING: () =>
    'That person’s organisation has already been confirmed or refused, or they chose another. Reload the page.',
  NO_PENDING_REQUEST: () =>
    'That request has already been dealt with, or the handle changed. Reload the page.',
  DASHBOARD_NOT_YOUR_ORGANISATION: () =>
    'Only the organisation’s own communications team can see its dashboard and download its advocates',
  DASHBOARD_BAD_RANGE: () =>
    'Enter real dates, with the start date on or before the end date, at most a year apart',
  AUDIT_LOG_FORBIDDEN: () =>
    'The audit log is for the communications team of a confirmed organisation',
  ERASE_NOT_CONFIRMED: () => ERASE_CONFIRM_MESSAGE,
  ACCOUNT_ERASED: () =>
    'Your data has been erased. Sign in again to start afresh with an empty profile.',
  CAMPAIGN_DATES: (values) =>
    values?.startsOn && values?.endsOn && String(values.endsOn) < String(values.startsOn)
      ? 'The campaign must end on or after the day it starts'
      : 'Enter a real date, like 15 3 2027',
  CAMPAIGN_HASHTAG: () => FIELD_MESSAGES.campaignHashtag,
  CAMPAIGN_NOT_ADMIN: () =>
    'Only the national communications team can create a campaign for all NHS staff',
  CAMPAIGN_NO_ORGANISATION: () =>
    'Your organisation has not been confirmed, so you cannot create a campaign for it yet',
  CAMPAIGN_NOT_FOUND: () =>
    'We could not find that campaign. It may be for another organisation, or the link may be wrong.',
  WEIGHT_OUT_OF_RANGE: () => WEIGHT_RANGE_MESSAGE,
  NOT_ADMIN_OF_ORGANISATION: () =>
    'Only your organisation’s communications team can change its leaderboard weights',
};

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again to carry on.',
  FORBIDDEN: 'You cannot do that. If you think you should be able to, ask your IT service desk.',
  NOT_FOUND: 'We could not find that. It may have been removed, or the link may be wrong.',
  CONFLICT: 'Someone changed this at the same time as you. Reload the page and try again.',
};

const SERVICE_DOWN = 'Staff Voices is not working right now. Try again later.';
const UNREACHABLE = 'Staff Voices could not be reached. Check your connection and try again.';

// C0/C1 controls and the bidirectional overrides the server refuses (see src/staff/plain-text.ts)
const HIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** A field path as the catalogue knows it: `input.links.0.url` → `links.url`. */
export function catalogueField(field: string): string {
  return field.replace(/^(input|filter)\./, '').replace(/\.\d+(?=\.|$)/g, '');
}

/**
 * What is wrong with this text for this field, by the server's own rules, or null. Forms check
 * before sending with it, and the server's refusals of the same rule read the same.
 */
export function textProblem(field: string, value: unknown): string | null {
  const rule = TEXT_RULES[catalogueField(field)];
  if (!rule || (typeof value !== 'string' && value != null)) return null;
  const text = (value ?? '').trim();
  if (text === '') return rule.required ?? null;
  if ([...text].length > rule.max) {
    return (
      rule.tooLong ??
      `${rule.label} must be ${rule.max.toLocaleString('en-GB')} characters or fewer`
    );
  }
  if (HIDDEN.test(rule.multiline ? text.replaceAll('\n', '') : text)) {
    return rule.multiline
      ? `${rule.label} must not contain hidden characters such as tabs (line breaks are fine)`
      : `${rule.label} must not contain hidden characters such as tabs or line breaks`;
  }
  return null;
}

function valueAt(values: SentValues | undefined, field: string): unknown {
  let value: unknown = values;
  for (const key of field.replace(/^(input|filter)\./, '').split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

interface ErrorExtensions {
  code?: unknown;
  field?: unknown;
  reason?: unknown;
}

function messageFor(
  extensions: ErrorExtensions,
  serverMessage: string,
  values?: SentValues,
): string {
  const reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
  if (reason && REASON_MESSAGES[reason]) return REASON_MESSAGES[reason](values);
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const field = typeof extensions.field === 'string' ? extensions.field : undefined;
  if (code === 'BAD_USER_INPUT' && field) {
    const key = catalogueField(field);
    // the handle rules (src/social-accounts/platforms) are written for people: their words stand
    if (key === 'handle') return serverMessage;
    const fromText = TEXT_RULES[key] ? textProblem(key, valueAt(values, field)) : null;
    if (fromText) return fromText;
    if (FIELD_MESSAGES[key]) return FIELD_MESSAGES[key];
    // the services' own refusals ("You cannot follow yourself") are written for people
    return serverMessage;
  }
  if (code && CODE_MESSAGES[code]) return CODE_MESSAGES[code];
  return SERVICE_DOWN;
}

/** Every problem in a failed request, in the person's words, each with its field if it has one. */
export function problemsFrom(error: unknown, values?: SentValues): Problem[] {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const extensions = (e.extensions ?? {}) as ErrorExtensions;
      const field = typeof extensions.field === 'string' ? extensions.field : undefined;
      return {
        message: messageFor(extensions, e.message, values),
        field: field?.replace(/^input\./, ''),
      };
    });
  }
  if (ServerError.is(error)) {
    return [
      {
        message:
          error.statusCode === 401
            ? CODE_MESSAGES.UNAUTHENTICATED
            : error.statusCode === 403
              ? CODE_MESSAGES.FORBIDDEN
              : SERVICE_DOWN,
      },
    ];
  }
  if (error instanceof TypeError) return [{ message: UNREACHABLE }];
  // our own errors (a failed download or sign-in) already say what happened
  return [{ message: error instanceof Error ? error.message : SERVICE_DOWN }];
}

/** What a REST endpoint of ours answers when it refuses (describeError's body). */
export interface RestErrorBody {
  reason?: unknown;
  code?: unknown;
  field?: unknown;
  message?: unknown;
}

/** Refusals of a CSV import (POST /api/imports/*), by reason. */
const IMPORT_MESSAGES: Record<string, (body: RestErrorBody) => string> = {
  IMPORT_TOO_LARGE: () =>
    'The file is too large to import. Split it into smaller files and import each one.',
  IMPORT_BAD_ENCODING: () =>
    'The file must be saved as "CSV UTF-8". In Excel, choose Save as, then CSV UTF-8 (comma delimited), and import it again.',
  IMPORT_MISSING_COLUMN: (body) =>
    typeof body.field === 'string'
      ? `The file has no ${body.field} column. Add a header row that names every required column.`
      : 'The file is missing a required column. Add a header row that names every required column.',
  IMPORT_NO_FILE: () => 'The file is empty. Select a CSV file with a header row and some rows.',
  IMPORT_NOT_ADMIN: () => 'Only the communications team can import figures',
  IMPORT_NOT_FOUND: () =>
    'We could not find that import. It may be another organisation’s, or the link may be wrong.',
  CAMPAIGN_NOT_FOUND: () =>
    'We could not find that campaign. It may be for another organisation, or the link may be wrong.',
  CAMPAIGN_NOT_ADMIN: () =>
    'Only the campaign’s own communications team can import its activity (the national team for a campaign for all NHS staff)',
};

/** A refusal from one of our REST endpoints (an import, a report) in the person's words. */
export function restProblem(status: number, body: RestErrorBody | null): Problem {
  const reason = typeof body?.reason === 'string' ? body.reason : undefined;
  if (reason && IMPORT_MESSAGES[reason]) return { message: IMPORT_MESSAGES[reason](body ?? {}) };
  if (status === 413) return { message: IMPORT_MESSAGES.IMPORT_TOO_LARGE({}) };
  if (status === 401) return { message: CODE_MESSAGES.UNAUTHENTICATED };
  if (status === 403) return { message: CODE_MESSAGES.FORBIDDEN };
  if (status === 404) return { message: CODE_MESSAGES.NOT_FOUND };
  return { message: SERVICE_DOWN };
}

/** The problems that belong beside a form field, by field (without `input.`). */
export function fieldErrorsFrom(error: unknown, values?: SentValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return errors;
  const problems = problemsFrom(error, values);
  error.errors.forEach((e, index) => {
    const field = problems[index].field;
    if (field && e.extensions?.code === 'BAD_USER_INPUT') errors[field] ??= problems[index].message;
  });
  return errors;
}

/** A GraphQL error's code (NOT_FOUND, FORBIDDEN…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const code = error.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The person sent something wrong (trying again unchanged cannot help). */
export function isInputError(error: unknown): boolean {
  return errorCode(error) === 'BAD_USER_INPUT';
}
