/**
 * The rule behind each guard of every registered version, in words a secretary understands (used
 * in 422 answers and docs/routine.md). Words, not behaviour: they live outside the frozen version
 * folders so they can be said better without a new version. A guard keeps its name and meaning
 * across versions; a version with a new guard adds its words here (a test checks every guard has them).
 */
export const GUARD_RULES = {
  startupMeetingCompleted:
    'visits start only after the start-up meeting was held with the enrollment form signed and the rules accepted',
  midpointNotYetReached: 'the midpoint follow-up comes once per assignment',
  evaluationDue: 'an evaluation is submitted only when the court asked for one, after the closing meeting',
  archivableFromClosing:
    'a case is archived after the closing meeting, and only from closing when no evaluation was asked for (otherwise after the evaluation)',
  visitsWereStarted: 'a visit is logged while the case closes only when visits had started before the period ended',
  startupMeetingsCompleted:
    'visits start only after the start-up meeting, or each parent’s individual meeting, was held with the enrollment form signed and the rules accepted',
  evaluationDueOnceClosed:
    'an evaluation is submitted only when the court asked for one, after the closing meeting (none is needed where visits never started)',
  archivableOnceClosed:
    'a case is archived after the closing meeting (none is needed where visits never started), and only from closing when no evaluation was asked for (otherwise after the evaluation)',
  notYetInitiated: 'a closed case is initiated late only when it never was',
  diaryNumberMissing: 'a diary number is recorded late only when the case has none',
  meetingStillAhead:
    'a follow-up meeting is booked until it is held and before the case closes; a closing meeting until it is held',
} as const;
export type GuardName = keyof typeof GUARD_RULES;
