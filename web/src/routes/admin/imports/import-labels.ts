import type { ImportReport } from './imports-api';

export const KIND_LABELS: Record<ImportReport['kind'], string> = {
  METRICS: 'Daily figures',
  CAMPAIGN_ACTIVITY: 'Campaign activity',
};

export const STATUS_LABELS: Record<ImportReport['status'], string> = {
  RUNNING: 'Still importing',
  COMPLETED: 'Finished',
  FAILED: 'Stopped',
};

const AT = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export const importedAt = (iso: string) => AT.format(new Date(iso));
