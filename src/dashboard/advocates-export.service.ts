import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { spreadsheetSafeRow } from '../common/csv/spreadsheet-safe';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { ScoreComponent } from '../leaderboard/score';
import { LeaderboardWindow } from '../leaderboard/windows';
import { OrganisationsService } from '../organisations/organisations.service';
import { STAFF_GROUP_LABELS } from '../staff/staff-group';
import { StaffService } from '../staff/staff.service';

const PAGE = 100;
const COMPONENTS = Object.values(ScoreComponent);
const COMPONENT_LABELS: Record<ScoreComponent, string> = {
  [ScoreComponent.REACH]: 'Reach points',
  [ScoreComponent.GROWTH]: 'Growth points',
  [ScoreComponent.ACTIVITY]: 'Activity points',
  [ScoreComponent.CAMPAIGNS]: 'Campaign points',
  [ScoreComponent.COMMUNITY_ROLES]: 'Community role points',
  [ScoreComponent.CONNECTIONS]: 'Connection points',
  [ScoreComponent.PROFILE]: 'Profile points',
  [ScoreComponent.VERIFIED]: 'Verified account points',
};
/** What an entry the viewer may not name shows in the name column. */
export const NOT_NAMED = 'Not named (has not opted in)';

export const ADVOCATES_EXPORT_HEADER = [
  'Rank',
  'Score',
  'Staff id',
  'Name',
  'Job title',
  'Staff group',
  'Organisation',
  'Site',
  'Department',
  ...COMPONENTS.map((c) => COMPONENT_LABELS[c]),
];

/**
 * The advocates as CSV: the leaderboard of the organisation (or the NHS-wide one), page by page
 * through LeaderboardService itself, so its consent rule decides who is named — an anonymous
 * entry keeps its rank, score and points, and nothing that says who it is. Every cell is
 * spreadsheet-safe; written as the response drains, so memory stays flat at any size.
 */
@Injectable()
export class AdvocatesExportService {
  constructor(
    private readonly leaderboard: LeaderboardService,
    private readonly staff: StaffService,
    private readonly organisations: OrganisationsService,
  ) {}

  async write(
    user: AuthenticatedUser,
    organisationId: number | null,
    window: LeaderboardWindow,
    out: Writable,
  ): Promise<void> {
    const csv = stringify({ bom: true });
    csv.pipe(out);
    const push = async (row: (string | number | null)[]) => {
      if (!csv.write(spreadsheetSafeRow(row))) await once(csv, 'drain');
    };
    try {
      await push(ADVOCATES_EXPORT_HEADER);
      const filter = organisationId === null ? {} : { organisationId };
      let after: string | null = null;
      for (;;) {
        const page = await this.leaderboard.page(user, { window, filter }, PAGE, after);
        const places = page.edges.map((e) => e.node);
        const ids = places.map((p) => p.staffId).filter((id): id is number => id !== null);
        const people = new Map((await this.staff.findByIds(ids)).map((p) => [p.id, p]));
        const names = await this.placeNames([...people.values()]);
        for (const place of places) {
          const person = place.staffId === null ? undefined : people.get(place.staffId);
          const points = new Map(place.breakdown.map((b) => [b.component, b.points]));
          await push([
            place.rank,
            place.score,
            person ? person.id : null,
            person ? person.displayName : NOT_NAMED,
            person?.jobTitle ?? null,
            person?.staffGroup ? STAFF_GROUP_LABELS[person.staffGroup] : null,
            person?.organisationId
              ? (names.organisations.get(person.organisationId) ?? null)
              : null,
            person?.siteId ? (names.sites.get(person.siteId) ?? null) : null,
            person?.departmentId ? (names.departments.get(person.departmentId) ?? null) : null,
            ...COMPONENTS.map((c) => points.get(c) ?? 0),
          ]);
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    } finally {
      csv.end();
    }
  }

  private async placeNames(
    people: { organisationId: number | null; siteId: number | null; departmentId: number | null }[],
  ) {
    const ids = (pick: (p: (typeof people)[number]) => number | null) => [
      ...new Set(people.map(pick).filter((id): id is number => id !== null)),
    ];
    const organisationIds = ids((p) => p.organisationId);
    const [organisations, sites, departments] = await Promise.all([
      organisationIds.length ? this.organisations.findOrganisationsByIds(organisationIds) : [],
      this.organisations.findSitesByIds(ids((p) => p.siteId)),
      this.organisations.findDepartmentsByIds(ids((p) => p.departmentId)),
    ]);
    const byId = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
    return {
      organisations: byId(organisations),
      sites: byId(sites),
      departments: byId(departments),
    };
  }
}
