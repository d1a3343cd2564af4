/** The one queue deadlines travel on, and what its jobs carry: ids only, the database holds the rest. */
export const DEADLINE_QUEUE = 'deadlines';

export const DEADLINE_JOB = 'deadline';
export const RECONCILE_JOB = 'reconcile';

/** A deadline job names its row; the reconciliation job carries nothing. */
export interface DeadlineQueueData {
  deadlineId?: string;
}

/** Derived from the row, so that handing a deadline to the queue twice adds one job (BullMQ refuses ':' in ids). */
export function deadlineJobId(deadlineId: string): string {
  return `deadline-${deadlineId}`;
}
