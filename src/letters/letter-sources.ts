import type { CaseContext } from '../../machines/case-context.js';
import type { CancelledBy, StopReason, VisitOutcome } from '../../machines/case-events.js';
import type { Protection } from '../cases/case-party.entity.js';
import type { InterviewStatus } from '../interviews/child-interview.entity.js';
import type { PostalAddress } from '../personal-data/postal-address.js';
import type { SupporterTerm } from '../supporters/supporter-terms.js';

/** A parent or child as a letter may name and address them. */
export interface LetterParty {
  role: 'residentParent' | 'visitingParent' | 'child';
  /** Order within the role: which child a remark concerns. */
  position: number;
  name: string;
  address: PostalAddress | null;
  protection: Protection | null;
  /** A risk the secretary marked: this party's whereabouts must not reach the other parent. */
  meetingRisk: boolean;
}

export type ParentRole = 'residentParent' | 'visitingParent';

export interface LetterSupporter {
  name: string;
  address: PostalAddress | null;
}

/** A named official: who decided, or who presented the case to them. */
export interface Official {
  name: string;
  title: string;
}

/** A decision as a letter states it (förvaltningslagen 31 §): when, by whom, and who presented it. */
export interface DecisionRecord {
  decidedAt: string;
  decisionMaker: Official;
  /** Only where someone other than the decision-maker presented the case. */
  presenter?: Official;
}

/** A supporter's replacement: who leaves, who takes over, from which day and why. */
export interface Replacement {
  outgoing: LetterSupporter;
  incoming: LetterSupporter;
  reason: string;
  /** The day the new supporter takes over (YYYY-MM-DD). */
  takesOverOn: string;
  /** When the outgoing supporter was appointed (instant). */
  outgoingFrom: string;
}

export interface LetterVisit {
  occurredAt: string;
  outcome: VisitOutcome;
  stopReason: StopReason | null;
  notes: string | null;
  /** Who called the visit off, or did not come. */
  cancelledBy: CancelledBy | null;
  absenceReason: string | null;
  /** The child a stop or a cancellation concerns, where one was named. */
  childPosition: number | null;
}

export interface LetterInterview {
  childPosition: number;
  status: InterviewStatus;
  heldAt: string | null;
  notes: string | null;
  declineReason: string | null;
}

/** One entry of the case's history, as the court letter retells it. */
export interface HistoryStep {
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

/** What a letter may draw on: the case as the machine holds it, plus what is kept beside it. */
export interface LetterSources {
  context: CaseContext;
  children: LetterParty[];
  residentParent: LetterParty;
  visitingParent: LetterParty;
  /** The supporter serving now. */
  supporter?: LetterSupporter;
  supporterTerms: SupporterTerm[];
  /** The decision the letter conveys, where it conveys one. */
  decision?: DecisionRecord;
  replacement?: Replacement;
  history: HistoryStep[];
  visits: LetterVisit[];
  interviews: LetterInterview[];
  /** The follow-up meetings held (midpoint and closing), from the case's history. */
  followUps: { kind: 'midpoint' | 'closing'; heldAt: string; notes: string | null }[];
  /** The compensation rules' fee basis, in kronor as written (`300.00`). */
  fee: { perVisit: string; perHour: string };
  /** The day the letter is written (YYYY-MM-DD). */
  today: string;
  /** Where the meeting is held. */
  place?: string;
  /** Each parent's individual meeting at the meeting the letter summons to, where one is planned (instants). */
  individualMeetings: Partial<Record<ParentRole, string>>;
  /** Each parent's own meeting place, where it differs from `place`. */
  individualPlaces: Partial<Record<ParentRole, string>>;
  /** The secretary's own text: the evaluation's assessment, or the court letter's addition. */
  text?: string;
}
