import type { CaseContext } from '../../../machines/case-context.js';
import { BusinessRuleError } from '../../common/domain-errors.js';
import type { Letter } from './letter.js';
import { swedishDay, swedishList, swedishMoment } from './swedish-format.js';

/** The letters the unit sends that the system writes from the case's data. */
export const GENERATED_LETTERS = ['supporterDecision', 'summons', 'evaluation'] as const;
export type GeneratedLetter = (typeof GENERATED_LETTERS)[number];

/** What a letter may draw on: the case as the machine holds it, plus names kept outside it. */
export interface LetterSources {
  context: CaseContext;
  children: string[];
  residentParent: string;
  visitingParent: string;
  supporterName?: string;
  visitCounts: { completed: number; stopped: number; cancelled: number; noShow: number };
  /** The day the letter is written (YYYY-MM-DD). */
  today: string;
  signature: string;
  /** Where the start-up meeting is held. */
  place?: string;
  /** The evaluation's own text, written by the secretary. */
  text?: string;
}

function caseFacts({ context }: LetterSources): [string, string][] {
  const { judgment } = context;
  return [
    ['Målnummer', judgment.courtCaseNumber],
    ['Domstol', judgment.court],
    ['Dom meddelad', swedishDay(judgment.judgmentDate)],
    ['Umgängesstöd under tiden', `${swedishDay(judgment.periodStart)} – ${swedishDay(judgment.periodEnd)}`],
  ];
}

function supporterDecision(s: LetterSources): Letter {
  const supporter = s.context.supporter;
  if (!supporter || !s.supporterName) {
    throw new BusinessRuleError('supporterAppointed', 'the decision is written once a supporter has been appointed (APPOINT_SUPPORTER)', 'kind');
  }
  const { judgment } = s.context;
  return {
    title: 'Beslut om umgängesstödsperson',
    facts: [...caseFacts(s), ['Barn', swedishList(s.children)], ['Umgängesstödsperson', s.supporterName], ['Beslutsdatum', swedishDay(supporter.decidedAt)]],
    paragraphs: [
      `${judgment.court} har i mål ${judgment.courtCaseNumber} beslutat att umgänget mellan ${swedishList(s.children)} och ${s.visitingParent} ska ske med medverkan av en umgängesstödsperson (6 kap. 15 c § föräldrabalken).`,
      `Socialnämnden beslutar att utse ${s.supporterName} till umgängesstödsperson. Uppdraget gäller från och med ${swedishDay(judgment.periodStart)} till och med ${swedishDay(judgment.periodEnd)}.`,
      'Umgängesstödspersonen är närvarande vid umgänget och skriver en rapport efter varje umgängestillfälle. Umgängesstödspersonen ska avbryta umgänget om umgängesföräldern verkar vara påverkad av alkohol eller droger, eller om umgänget av annat skäl inte kan fortsätta, och får avbryta det om barnet tydligt far illa.',
    ],
    recipients: [s.residentParent, s.visitingParent, s.supporterName],
    dateText: swedishDay(s.today),
    signature: s.signature,
  };
}

function summons(s: LetterSources): Letter {
  const meeting = s.context.startupMeeting;
  if (!meeting) {
    throw new BusinessRuleError('summonsSent', 'the summons is written once the start-up meeting is booked (SEND_SUMMONS with meetingAt)', 'kind');
  }
  return {
    title: 'Umgängesstöd, kallelse till uppstartsmöte',
    facts: [...caseFacts(s), ['Tid', swedishMoment(meeting.meetingAt)], ['Plats', s.place ?? 'Familjerättens lokaler']],
    paragraphs: [
      `Ni kallas till ett uppstartsmöte om det umgängesstöd som ${s.context.judgment.court} har beslutat om för ${swedishList(s.children)}.`,
      'Vid mötet får ni information om domen och om hur umgängesstödet går till. Vi fyller i inskrivningsblanketten och går igenom reglerna för umgänget. Efter varje umgängestillfälle skriver umgängesstödspersonen en rapport. Om domstolen har begärt det återrapporterar socialnämnden till domstolen.',
      'Vid mötet bokar vi också tider för enskilda samtal och, om barnet är tillräckligt gammalt och moget och ni samtycker, ett barnsamtal.',
      'Kan ni inte komma på den angivna tiden, kontakta familjerätten så snart som möjligt.',
    ],
    recipients: [s.residentParent, s.visitingParent],
    dateText: swedishDay(s.today),
    signature: s.signature,
  };
}

function evaluation(s: LetterSources): Letter {
  const { judgment } = s.context;
  if (!judgment.evaluationRequested) {
    throw new BusinessRuleError('evaluationRequested', `${judgment.court} did not ask for an evaluation in this case`, 'kind');
  }
  if (!s.text) throw new BusinessRuleError('evaluationText', 'the evaluation needs its text', 'text');
  const c = s.visitCounts;
  return {
    title: 'Utvärdering av umgängesstöd',
    facts: [
      ...caseFacts(s),
      ['Barn', swedishList(s.children)],
      ['Umgängesstödsperson', s.supporterName ?? 'ingen utsedd'],
      ['Umgängestillfällen', `${c.completed} genomförda, ${c.stopped} avbrutna, ${c.cancelled} inställda, ${c.noShow} uteblivna`],
    ],
    paragraphs: s.text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== ''),
    recipients: [judgment.court],
    dateText: swedishDay(s.today),
    signature: s.signature,
  };
}

const WRITERS: Record<GeneratedLetter, (sources: LetterSources) => Letter> = { supporterDecision, summons, evaluation };

/** The letter of that kind for this case; 422 when the case does not yet hold what it needs. */
export function writeLetter(kind: GeneratedLetter, sources: LetterSources): Letter {
  return WRITERS[kind](sources);
}
