import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { spreadsheetSafeRow } from '../common/csv/spreadsheet-safe';
import { ForbiddenError } from '../common/errors/domain-error';
import type { AuthenticatedUser } from '../identity/authenticated-user';
import {
  administeredOrganisationId,
  isNationalAdmin,
  mayAdminister,
} from '../identity/admin-scope';
import { Platform, PLATFORM_LABELS } from '../social-accounts/platforms/platform';
import { DirectoryRepository } from './directory.repository';
import { DirectoryErrorReason } from './directory.errors';

const PAGE = 1000;
const PLATFORMS = Object.values(Platform);

export const DIRECTORY_EXPORT_HEADER = [
  'Staff id',
  'Name',
  'Job title',
  'Staff group',
  'Pronouns',
  'Organisation',
  'Site',
  'Department',
  ...PLATFORMS.map((p) => PLATFORM_LABELS[p]),
];

/**
 * The directory as CSV for a communications team: the people others may see, with the
 * accounts the team may see, every cell spreadsheet-safe; written page by page to `out` as it
 * drains, so memory stays flat at any size.
 */
@Injectable()
export class DirectoryExportService {
  constructor(private readonly directory: DirectoryRepository) {}

  /** Whose people: the team's own organisation; a national admin may name one, or take all. */
  scopeFor(user: AuthenticatedUser, organisationId: number | undefined): number | null {
    if (organisationId !== undefined) {
      if (!mayAdminister(user, organisationId)) throw notYours();
      return organisationId;
    }
    if (isNationalAdmin(user)) return null;
    const own = administeredOrganisationId(user);
    if (own === null) throw notYours();
    return own;
  }

  async write(user: AuthenticatedUser, organisationId: number | null, out: Writable) {
    const csv = stringify({ bom: true });
    csv.pipe(out);
    const push = async (row: (string | number | null)[]) => {
      if (!csv.write(spreadsheetSafeRow(row))) await once(csv, 'drain');
    };
    try {
      await push(DIRECTORY_EXPORT_HEADER);
      let afterId = 0;
      for (;;) {
        const people = await this.directory.exportPage(organisationId, afterId, PAGE);
        if (people.length === 0) break;
        const accounts = await this.directory.exportAccounts(
          people.map((p) => p.id),
          user.staff.organisationId,
        );
        const handles = new Map<string, string[]>();
        for (const a of accounts) {
          const key = `${a.staff_id}:${a.platform}`;
          handles.set(key, [...(handles.get(key) ?? []), a.handle]);
        }
        for (const p of people) {
          await push([
            p.id,
            p.display_name,
            p.job_title,
            p.staff_group,
            p.pronouns,
            p.organisation,
            p.site,
            p.department,
            ...PLATFORMS.map((platform) => (handles.get(`${p.id}:${platform}`) ?? []).join(' ')),
          ]);
        }
        afterId = people[people.length - 1].id;
        if (people.length < PAGE) break;
      }
    } finally {
      csv.end();
    }
  }
}

function notYours() {
  return new ForbiddenError(
    DirectoryErrorReason.EXPORT_NOT_YOUR_ORGANISATION,
    'Your communications team can export only its own organisation’s directory',
    'organisationId',
  );
}
