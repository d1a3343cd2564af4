import { periodBounds } from '../../machines/period.js';
import { TestRig, type TestApp, type TestDatabase } from '../support/test-app.js';
import type { TestRigOptions } from '../support/test-rig.js';

/** The one eventually() lives in test/support; named here too for the suites written before it moved. */
export { eventually } from '../support/eventually.js';

/**
 * The rig with deadlines acted on promptly: reconciled every second and a failed delivery retried
 * after 100 ms (the service's defaults are 30 s and 1 s).
 */
export const DeadlineRig = {
  create: (database: TestDatabase, env: Record<string, string> = {}, options: TestRigOptions = {}): Promise<TestRig> =>
    TestRig.create({
      ...options,
      database,
      env: { RECONCILE_EVERY_SECONDS: '1', DEADLINE_BACKOFF_MS: '100', ...env },
    }),
};
export type DeadlineRig = TestRig;

/** The default judgment's period (aJudgment): 2026-11-16 to 2027-11-15. */
export const PERIOD = periodBounds('2026-11-16', '2027-11-15');

/** `ms` after an ISO instant. */
export function after(instant: string, ms: number): Date {
  return new Date(Date.parse(instant) + ms);
}

/** An alert as `GET /alerts` lists it. */
export interface AlertBody {
  id: string;
  caseId: string;
  kind: string;
  status: string;
  message: string;
  detail: string | null;
  acknowledgedBy: string | null;
}

export interface HistoryEntry {
  type: string;
  fromState: string | null;
  toState: string;
  by: { id: string; role: string };
}

export async function historyOf(t: TestApp, caseId: string): Promise<HistoryEntry[]> {
  const res = await t.http.get(`/cases/${caseId}/history?limit=200`).expect(200);
  return res.body.items as HistoryEntry[];
}

export function entriesOf(history: HistoryEntry[], type: string): HistoryEntry[] {
  return history.filter((entry) => entry.type === type);
}

export interface DeadlineView {
  id: string;
  kind: string;
  dueAt: string;
  status: string;
}

export async function caseOf(t: TestApp, caseId: string): Promise<{ state: string; deadlines: DeadlineView[] }> {
  const res = await t.http.get(`/cases/${caseId}`).expect(200);
  return res.body;
}
