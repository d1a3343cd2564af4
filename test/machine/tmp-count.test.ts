import { it } from '@jest/globals';
import { getShortestPaths, getSimplePaths, getAdjacencyMap } from 'xstate/graph';
import { caseMachine } from '../../machines/case-machine.js';
it('count', () => {
  for (const ev of [false, true]) for (const max of [1, 2]) {
  const opts: any = { input: { judgment: { court: 'x', courtCaseNumber: 'T 1-26', judgmentDate: '2026-11-02', periodStart: '2026-11-16', periodEnd: '2027-11-15', periodEndSetByCourt: false, evaluationRequested: ev }, registeredAt: '2026-11-10T09:00:00.000Z' },
    events: [
  { type: 'INITIATE', at: '1' }, { type: 'APPOINT_SUPPORTER', supporterId: 's', decidedAt: 'd', at: '2' }, { type: 'SEND_SUMMONS', meetingAt: 'm', at: '3' },
  { type: 'HOLD_STARTUP_MEETING', heldAt: 'h', enrollmentFormSigned: false, rulesAccepted: true, childInterviewConsent: false, at: '4' },
  { type: 'HOLD_STARTUP_MEETING', heldAt: 'h', enrollmentFormSigned: true, rulesAccepted: false, childInterviewConsent: false, at: '4' },
  { type: 'HOLD_STARTUP_MEETING', heldAt: 'h2', enrollmentFormSigned: true, rulesAccepted: true, childInterviewConsent: true, at: '5' },
  { type: 'START_VISITS', documentCopiesSentAt: 'x', at: '6' },
  { type: 'LOG_VISIT', occurredAt: 'o', durationMinutes: 1, outcome: 'completed', at: '7' },
  { type: 'LOG_VISIT', occurredAt: 'o2', durationMinutes: 1, outcome: 'stopped', stopReason: 'childUnwell', at: '8' },
  { type: 'MIDPOINT_REACHED', at: '9' }, { type: 'HOLD_FOLLOW_UP', heldAt: 'f', at: '10' }, { type: 'PERIOD_ENDED', at: '11' },
  { type: 'END_EARLY', reason: 'r', at: '12' }, { type: 'HOLD_CLOSING_MEETING', heldAt: 'c', at: '13' }, { type: 'SUBMIT_EVALUATION', sentToCourtAt: 'e', at: '14' }, { type: 'ARCHIVE', terminationDecidedAt: 't', at: '15' }],
    filterEvents: (s: any, e: any) => e.type !== 'LOG_VISIT' || s.context.visitCount < max };
  let t = Date.now();
  const adj = getAdjacencyMap(caseMachine, opts);
  const a = Object.keys(adj).length;
  const sh = getShortestPaths(caseMachine, opts).length;
  const t1 = Date.now() - t; t = Date.now();
  const si = getSimplePaths(caseMachine, opts).length;
  console.log({ ev, max, a, sh, t1, si, t2: Date.now() - t });
  }
});
