import { Injectable } from '@nestjs/common';
import { touch } from '../database/derived-state';
import { PersonalData } from '../database/personal-data';
import { rowsOf } from '../database/personal-rows';
import { runSql } from '../database/portable-sql';

/** A person's figures are their accounts' (the table has no index by person). */
const OF_THEIR_ACCOUNTS =
  'social_account_id IN (SELECT id FROM social_accounts WHERE staff_id = :staffId)';

/**
 * A person's daily figures, and the imports they ran (kept: an import is the organisation's
 * record; the export lists them as a reference). metric_import_people (whom a running import has
 * changed, gone when it ends) is not exported: it holds nothing of theirs beyond the figures. Erasing the figures touches `metrics` so the
 * leaderboard drops the person's scores and ranks before commit.
 */
@Injectable()
export class MetricsPersonalData {
  constructor(registry: PersonalData) {
    registry.register({
      owner: 'metrics',
      tables: ['metric_snapshots', 'metric_imports', 'metric_import_people'],
      section: 'metrics',
      export: async (tx, staffId) => ({
        snapshots: (
          await runSql<Record<string, unknown>>(
            tx,
            `SELECT * FROM metric_snapshots WHERE ${OF_THEIR_ACCOUNTS} ORDER BY social_account_id, day, source`,
            { staffId },
          )
        ).rows,
        importsRun: (await rowsOf(tx, 'metric_imports', 'imported_by_staff_id', staffId)).map(
          (i) => ({ id: i.id, kind: i.kind, status: i.status }),
        ),
      }),
      erase: async (tx, { staffId }) => {
        await runSql(tx, `DELETE FROM metric_snapshots WHERE ${OF_THEIR_ACCOUNTS}`, { staffId });
        // a running import's list of whom it changed (nothing else to catch up for them)
        await runSql(tx, 'DELETE FROM metric_import_people WHERE staff_id = :staffId', { staffId });
        // imports they ran stay (the organisation's record) and keep only their id
        touch(tx, 'metrics', [{ staffIds: [staffId] }]);
      },
    });
  }
}
