/**
 * Which boards a person is ranked on, and which board a query reads. A board is named by its
 * period and scope: `WEEK|nhs`, `WEEK|nhs|g:NURSING_AND_MIDWIFERY_REGISTERED`, `MONTH|o:12`,
 * `MONTH|o:12|g:ESTATES_AND_ANCILLARY`, `QUARTER|leaders`, `C:7|o:12|leaders`. Leaders are ranked
 * only among leaders; everyone else overall and within their staff group, NHS-wide and in their
 * organisation.
 */

export interface BoardMember {
  organisationId: number | null;
  staffGroup: string | null;
  leader: boolean;
}

export interface BoardScope {
  organisationId?: number | null;
  staffGroup?: string | null;
  leaders?: boolean | null;
}

/** The period of a rolling window, or of a campaign. */
export const campaignPeriod = (campaignId: number) => `C:${campaignId}`;

export function boardName(period: string, scope: BoardScope): string {
  const parts = [period, scope.organisationId ? `o:${scope.organisationId}` : 'nhs'];
  if (scope.leaders) parts.push('leaders');
  else if (scope.staffGroup) parts.push(`g:${scope.staffGroup}`);
  return parts.join('|');
}

export function boardsFor(period: string, person: BoardMember): string[] {
  const scopes: BoardScope[] = person.leader
    ? [{ leaders: true }, { leaders: true, organisationId: person.organisationId }]
    : [
        {},
        { staffGroup: person.staffGroup },
        { organisationId: person.organisationId },
        { organisationId: person.organisationId, staffGroup: person.staffGroup },
      ];
  const names = scopes
    .filter((scope) => scope.organisationId !== null && scope.staffGroup !== null)
    .map((scope) => boardName(period, scope));
  return [...new Set(names)];
}

export type TeamKind = 'organisation' | 'site' | 'department';

/**
 * The teams a board's people are compared in (teamLeaderboard): organisations on an NHS-wide
 * board, sites and departments on an organisation's board; none on a staff group's or leaders'.
 */
export function teamKindsOf(board: string): TeamKind[] {
  const scope = board.split('|');
  if (scope.length !== 2) return [];
  return scope[1] === 'nhs' ? ['organisation'] : ['site', 'department'];
}
