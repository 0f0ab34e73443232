import type { AuthSession } from '../../../app/auth/auth-session';
import { type Problem, restProblem, type RestErrorBody } from '../../../app/errors/error-messages';

/** What the server answers for an import (src/metrics/metric-imports.service.ts ImportReport). */
export interface ImportReport {
  importId: number;
  kind: 'METRICS' | 'CAMPAIGN_ACTIVITY';
  campaignId: number | null;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  rowsRead: number;
  rowsAccepted: number;
  rowsUnchanged: number;
  rowsRejected: number;
  rejected: { line: number; reason: string }[];
  ignoredColumns: string[];
  startedAt: string;
  finishedAt: string | null;
}

export type ImportSummary = Omit<ImportReport, 'rejected'>;

/** Where the server keeps an import's report (GET it with the bearer token). */
export const reportPath = (importId: number | string) => `/api/imports/metrics/${importId}`;

/** A refusal, already in the person's words. */
export class ImportProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

async function call<T>(session: AuthSession, path: string, init: RequestInit = {}): Promise<T> {
  const token = await session.getToken();
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { ...(init.headers ?? {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw new ImportProblem({
      message: 'Staff Voices could not be reached. Check your connection and try again.',
    });
  }
  if (res.status === 401) session.expire();
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as RestErrorBody | null;
    throw new ImportProblem(restProblem(res.status, body));
  }
  return (await res.json()) as T;
}

/** Sends the file itself as the request body, as `POST /api/imports/*` reads it (streamed). */
export function uploadCsv(
  session: AuthSession,
  file: File,
  campaignId: string | null,
): Promise<ImportReport> {
  const path = campaignId
    ? `/api/imports/campaign-activity?campaignId=${encodeURIComponent(campaignId)}`
    : '/api/imports/metrics';
  return call(session, path, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv' },
    body: file,
  });
}

export function fetchReport(session: AuthSession, importId: string): Promise<ImportReport> {
  return call(session, reportPath(importId));
}

export async function fetchRecentImports(session: AuthSession): Promise<ImportSummary[]> {
  return (await call<{ imports: ImportSummary[] }>(session, '/api/imports/metrics')).imports;
}
