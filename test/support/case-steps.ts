import { swedishDate } from '../../src/common/swedish-date.js';
import type { TestApp } from './test-app.js';
import { aJudgment, type JudgmentBody } from './judgment-builder.js';

/**
 * The client events that take a fresh case to each state, in the routine's order: all of it done by
 * the morning the default judgment's period starts (16 November 2026), so any later clock may record it.
 */
export function stepsTo(target: string, supporterId: string): Record<string, unknown>[] {
  const steps: [string, Record<string, unknown>][] = [
    ['initiated', { type: 'INITIATE', diaryNumber: 'SN 2026/0042' }],
    ['supporterAppointed', { type: 'APPOINT_SUPPORTER', supporterId, decidedAt: '2026-11-09T10:00:00+01:00' }],
    ['startupMeeting', { type: 'SEND_SUMMONS', meetingAt: '2026-11-12T13:00:00+01:00', sentOn: '2026-11-10' }],
    [
      'startupMeeting.held',
      {
        type: 'HOLD_STARTUP_MEETING',
        heldAt: '2026-11-12T13:00:00+01:00',
        enrollmentFormSigned: true,
        rulesAccepted: true,
      },
    ],
    ['activeVisits', { type: 'START_VISITS', documentCopiesSentAt: '2026-11-13T09:00:00+01:00' }],
  ];
  const end = steps.findIndex(([state]) => state === target);
  if (end < 0) throw new Error(`no steps lead to ${target}`);
  return steps.slice(0, end + 1).map(([, event]) => event);
}

/** Where the supporters' letters go. */
export const SUPPORTER_ADDRESS = { street: 'Vaksalagatan 30', postalCode: '753 31', city: 'Uppsala' };

/** A supporter vetted today (interview, references, both register extracts), waiting for the administrator's decision. */
export async function vettedSupporter(t: TestApp, name = 'Karin Lund'): Promise<string> {
  const res = await t.http
    .post('/supporters')
    .send({ name, phone: '070-123 45 67', email: 'karin.lund@example.se', address: SUPPORTER_ADDRESS })
    .expect(201);
  const id = res.body.id as string;
  const today = swedishDate(t.clock.now());
  for (const step of ['interview', 'references', 'criminalRecordExtract', 'socialServicesExtract']) {
    await t.http.post(`/supporters/${id}/vetting`).send({ step, date: today }).expect(200);
  }
  return id;
}

/** A supporter vetted today and approved: appointable. */
export async function registerSupporter(t: TestApp, name = 'Karin Lund'): Promise<string> {
  const id = await vettedSupporter(t, name);
  await t.as('administrator').post(`/supporters/${id}/decision`).send({ decision: 'approved' }).expect(200);
  return id;
}

export async function registerCase(t: TestApp, overrides: Partial<JudgmentBody> = {}): Promise<string> {
  const res = await t.http.post('/cases').send(aJudgment(overrides)).expect(201);
  return res.body.id as string;
}

export async function send(t: TestApp, caseId: string, event: Record<string, unknown>, status = 200) {
  return t.http.post(`/cases/${caseId}/events`).send(event).expect(status);
}

/** A case registered and moved to `target` through the API. */
export async function caseIn(t: TestApp, target: string, overrides: Partial<JudgmentBody> = {}): Promise<string> {
  const supporterId = await registerSupporter(t);
  const caseId = await registerCase(t, overrides);
  for (const event of stepsTo(target, supporterId)) await send(t, caseId, event);
  return caseId;
}
