import { DeadlineActions } from '../../src/deadlines/deadline-actions.service.js';
import { registerCase, registerSupporter, send } from '../support/case-steps.js';
import type { TestApp } from '../support/test-app.js';

const DAY_MS = 86_400_000;
/** Walking six cases through the routine over HTTP, each commit synced to disk, takes a while on two shared cores. */
export const BUILD_TIMEOUT_MS = 120_000;
/** Every case of the hand-built set is registered then: the judgment is received at registration. */
export const RECEIVED = Date.parse('2026-02-02T09:00:00+01:00');

const dayAt = (days: number) => new Date(RECEIVED + days * DAY_MS).toISOString();

/** One case of the hand-built set: when each step happened, in days after the judgment was received. */
export interface CasePlan {
  appointedAfter: number;
  startupMeetingAfter?: number;
  visits?: { after: number; outcome: 'completed' | 'stopped' | 'cancelled' | 'noShow' }[];
  ending?: 'endedEarly' | 'periodEnded';
  /** The supporterNotAppointed reminder fires this many days after receipt, before the appointment. */
  reminderAfter?: number;
}

/**
 * Six cases, each with its own supporter, walked through the API with the clock set to each step's
 * day; deadlines act through the service's own deadline path, as the worker would.
 */
export const HAND_BUILT: CasePlan[] = [
  { appointedAfter: 30, reminderAfter: 15 },
  {
    appointedAfter: 2,
    startupMeetingAfter: 10,
    visits: [
      { after: 20, outcome: 'completed' },
      { after: 27, outcome: 'completed' },
      { after: 34, outcome: 'completed' },
    ],
    ending: 'endedEarly',
  },
  {
    appointedAfter: 4,
    startupMeetingAfter: 12,
    visits: [
      { after: 25, outcome: 'completed' },
      { after: 32, outcome: 'stopped' },
    ],
    ending: 'endedEarly',
  },
  {
    appointedAfter: 6.5,
    startupMeetingAfter: 14,
    visits: [
      { after: 30, outcome: 'completed' },
      { after: 33, outcome: 'stopped' },
    ],
    ending: 'endedEarly',
  },
  { appointedAfter: 8, startupMeetingAfter: 16, visits: [{ after: 21, outcome: 'noShow' }], ending: 'periodEnded' },
  { appointedAfter: 10, startupMeetingAfter: 18, visits: [{ after: 22, outcome: 'cancelled' }], ending: 'periodEnded' },
];

async function fireDue(t: TestApp, caseId: string, kind: string, at: string): Promise<void> {
  t.clock.setNow(at);
  const deadlines = (await t.http.get(`/cases/${caseId}`).expect(200)).body.deadlines as {
    id: string;
    kind: string;
    status: string;
  }[];
  const due = deadlines.find((d) => d.kind === kind && d.status === 'pending');
  if (!due) throw new Error(`case ${caseId} has no pending ${kind}`);
  await t.app.get(DeadlineActions).act(due.id);
}

export async function buildCase(t: TestApp, plan: CasePlan): Promise<string> {
  t.clock.setNow(dayAt(0));
  const supporterId = await registerSupporter(t);
  const caseId = await registerCase(t, {
    judgmentDate: '2026-01-20',
    periodStart: '2026-02-02',
    periodEnd: '2026-08-31',
  });
  if (plan.reminderAfter !== undefined) await fireDue(t, caseId, 'supporterNotAppointed', dayAt(plan.reminderAfter));
  t.clock.setNow(dayAt(plan.appointedAfter));
  await send(t, caseId, { type: 'INITIATE', diaryNumber: 'SN 2026/0100' });
  await send(t, caseId, { type: 'APPOINT_SUPPORTER', supporterId, decidedAt: dayAt(plan.appointedAfter) });
  if (plan.startupMeetingAfter === undefined) return caseId;
  await send(t, caseId, { type: 'SEND_SUMMONS', meetingAt: dayAt(plan.startupMeetingAfter) });
  t.clock.setNow(dayAt(plan.startupMeetingAfter));
  const held = dayAt(plan.startupMeetingAfter);
  await send(t, caseId, {
    type: 'HOLD_STARTUP_MEETING',
    heldAt: held,
    enrollmentFormSigned: true,
    rulesAccepted: true,
  });
  await send(t, caseId, { type: 'START_VISITS', documentCopiesSentAt: held });
  for (const visit of plan.visits ?? []) {
    t.clock.setNow(dayAt(visit.after + 1));
    await send(t, caseId, {
      type: 'LOG_VISIT',
      occurredAt: dayAt(visit.after),
      durationMinutes: 90,
      outcome: visit.outcome,
      ...(visit.outcome === 'stopped' ? { stopReason: 'childUnwell' } : {}),
      ...(visit.outcome === 'cancelled' ? { cancelledBy: 'unit' } : {}),
      ...(visit.outcome === 'noShow' ? { cancelledBy: 'visitingParent' } : {}),
    });
  }
  if (plan.ending === 'endedEarly') {
    t.clock.setNow('2026-04-01T10:00:00+02:00');
    await send(t, caseId, { type: 'END_EARLY', reasonCategory: 'other', reason: 'Familjen flyttar' });
  }
  if (plan.ending === 'periodEnded') await fireDue(t, caseId, 'periodEnd', '2026-09-01T00:30:00+02:00');
  return caseId;
}
