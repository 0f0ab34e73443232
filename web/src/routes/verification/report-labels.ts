import type { ListingReportKind, ListingReportStatus } from '../../gql/graphql';

export const REPORT_KIND_LABELS: Record<ListingReportKind, string> = {
  WRONG_PERSON: 'Not this person’s account',
  IMPERSONATION: 'Impersonation',
  ABUSE: 'Abuse or breaking the guidance',
};

export const REPORT_STATUS_LABELS: Record<ListingReportStatus, string> = {
  OPEN: 'Waiting for the communications team',
  DISMISSED: 'Looked at: nothing changed',
  HIDDEN: 'The account is hidden',
  REMOVED: 'The account was removed',
};
