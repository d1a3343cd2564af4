import type { VisitOutcome } from '../../machines/case-events.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import type { SupporterTerm } from '../supporters/supporter-terms.js';
import type { Letter, LetterSection } from './letter.js';
import { caseFacts, names } from './letter-parts.js';
import type { LetterParty, LetterSources, LetterVisit } from './letter-sources.js';
import { counted, swedishDay, swedishList } from '../common/swedish-format.js';
import {
  ABSENT_PARTY_WORDS,
  earlyEndWords,
  ROLE_WORDS,
  sentence,
  STOP_REASON_WORDS,
  withoutFinalStop,
} from './swedish-words.js';
import { said } from '../common/said.js';

/** The early end as END_EARLY records it: its own date, a category and the secretary's words. */
interface EarlyEnd {
  endedOn: string;
  category?: string;
  reason?: string;
}

function earlyEnd({ context }: LetterSources): EarlyEnd | undefined {
  const closing:
    (NonNullable<LetterSources['context']['closing']> & { endedOn?: string; earlyEndCategory?: string }) | undefined =
    context.closing;
  if (closing?.cause !== 'endedEarly') return undefined;
  return {
    endedOn: closing.endedOn ?? closing.startedAt,
    category: closing.earlyEndCategory,
    reason: closing.earlyEndReason,
  };
}

/** `Tingsrätten har ändrat domen: …`: the category and the secretary's words, one full stop; "annat skäl" gives way to the words. */
function earlyEndReason(end: EarlyEnd): string {
  const own = end.reason ? withoutFinalStop(end.reason) : '';
  if (own && (!end.category || end.category === 'other')) return `${own}.`;
  const words = earlyEndWords(end.category);
  const capitalised = `${words.charAt(0).toLocaleUpperCase('sv')}${words.slice(1)}`;
  return own ? `${capitalised}: ${own}.` : `${capitalised}.`;
}

function periodAsRun(s: LetterSources): string {
  const { judgment, closing } = s.context;
  const ordered = `${swedishDay(judgment.periodStart)} – ${swedishDay(judgment.periodEnd)}`;
  const end = earlyEnd(s);
  if (end) {
    return (
      `Umgängesstödet pågick från ${swedishDay(judgment.periodStart)} till ${swedishDay(end.endedOn)}, då det avslutades i förtid. ` +
      `Skäl: ${earlyEndReason(end)} Domen avsåg perioden ${ordered}.`
    );
  }
  if (closing) return `Umgängesstödet pågick under hela den period som domen avsåg, ${ordered}.`;
  return `Umgängesstödet har pågått sedan ${swedishDay(judgment.periodStart)} och pågår enligt domen till och med ${swedishDay(judgment.periodEnd)}.`;
}

/** `umgängesföräldern Johan Lind`, `barnet Alva`, `umgängesstödjaren`: who called a visit off or did not come. */
function whoWords(s: LetterSources, visit: LetterVisit): string | undefined {
  const who = visit.cancelledBy;
  if (!who) return undefined;
  if (who === 'residentParent' || who === 'visitingParent') return `${ROLE_WORDS[who]} ${s[who].name}`;
  if (who === 'child') {
    const child = childAt(s, visit.childPosition);
    if (child) return `barnet ${firstName(child)}`;
    return s.children.length > 1 ? 'barnen' : `barnet ${firstName(s.children[0])}`;
  }
  return ABSENT_PARTY_WORDS[who];
}

const childAt = (s: LetterSources, position: number | null) =>
  position === null ? undefined : s.children.find((c) => c.position === position);
const firstName = (child: LetterParty | undefined) => child?.name.split(/\s+/)[0] ?? '';

function visitSentence(s: LetterSources, v: LetterVisit): string | undefined {
  const day = swedishDay(v.occurredAt);
  const because = v.absenceReason ? ` Skäl: ${withoutFinalStop(v.absenceReason)}.` : '';
  const who = whoWords(s, v);
  if (v.outcome === 'cancelled') return `Besöket den ${day} ställdes in${who ? ` av ${who}` : ''}.${because}`;
  if (v.outcome === 'noShow') {
    return who
      ? `Till besöket den ${day} kom inte ${who}.${because}`
      : `Besöket den ${day} blev inte av eftersom någon uteblev; vem som uteblev registrerades inte.${because}`;
  }
  if (v.outcome === 'stopped') {
    const child = childAt(s, v.childPosition);
    const reason =
      v.stopReason === 'childUnwell' && child
        ? `det var tydligt att ${firstName(child)} inte mådde bra`
        : STOP_REASON_WORDS[v.stopReason ?? 'other'];
    return `Besöket den ${day} avbröts eftersom ${reason}.${v.notes ? ` ${sentence(v.notes)}` : ''}`;
  }
  return undefined;
}

function visitsSection(s: LetterSources): LetterSection {
  const count = (outcome: VisitOutcome) => s.visits.filter((v) => v.outcome === outcome).length;
  const parts = [
    [count('completed'), 'genomfört besök', 'genomförda besök'],
    [count('stopped'), 'avbrutet besök', 'avbrutna besök'],
    [count('cancelled'), 'inställt besök', 'inställda besök'],
    [count('noShow'), 'uteblivet besök', 'uteblivna besök'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => counted(n, one, many));
  return {
    heading: 'Umgängestillfällen',
    paragraphs: [
      said.length > 0 ? `Under perioden har det varit ${swedishList(said)}.` : 'Inga umgängestillfällen har ägt rum.',
      ...s.visits.map((v) => visitSentence(s, v)).filter((line): line is string => line !== undefined),
    ],
  };
}

/** Each child's interview (barnsamtal): held with the secretary's notes, declined with why, or none. */
function interviewsSection(s: LetterSources): LetterSection {
  return {
    heading: 'Barnsamtal',
    paragraphs: s.children.map((child) => {
      const interview = s.interviews.find((i) => i.childPosition === child.position);
      if (interview?.status === 'held' && interview.heldAt) {
        const notes = interview.notes ? ` ${sentence(interview.notes)}` : '';
        return `Barnsamtal med ${child.name} hölls den ${swedishDay(interview.heldAt)}.${notes}`;
      }
      if (interview?.status === 'declined') {
        return `Något barnsamtal med ${child.name} hölls inte.${interview.declineReason ? ` ${sentence(interview.declineReason)}` : ''}`;
      }
      return `Något barnsamtal med ${child.name} har inte hållits.`;
    }),
  };
}

const FOLLOW_UP_WORDS = { midpoint: 'Uppföljningsmötet vid halva tiden', closing: 'Avslutningsmötet' } as const;

function followUpSentence({ kind, heldAt, notes }: LetterSources['followUps'][number]): string {
  return `${FOLLOW_UP_WORDS[kind]} hölls den ${swedishDay(heldAt)}.${notes ? ` ${sentence(notes)}` : ''}`;
}

const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

export function evaluation(s: LetterSources): Letter[] {
  const { judgment } = s.context;
  if (!judgment.evaluationRequested) {
    throw new BusinessRuleError(
      'evaluationRequested',
      said(
        `${judgment.court} har inte begärt någon utvärdering i det här ärendet.`,
        `${judgment.court} did not ask for an evaluation in this case`,
      ),
      'kind',
    );
  }
  if (!s.text)
    throw new BusinessRuleError(
      'evaluationText',
      said('Skriv utvärderingens text (bedömningen).', 'the evaluation needs its text'),
      'text',
    );
  // The last supporter served until the case closed, or serves still.
  const servedUntil = (t: SupporterTerm) => t.replacedAt ?? earlyEnd(s)?.endedOn ?? s.context.closing?.startedAt;
  const served = s.supporterTerms.map((t) => {
    const until = servedUntil(t);
    return `${t.name}, från ${swedishDay(t.from)}${until ? ` till ${swedishDay(until)}` : ''}.`;
  });
  return [
    {
      title: 'Utvärdering av umgängesstöd',
      recipient: judgment.court,
      recipientBlock: [judgment.court],
      facts: [...caseFacts(s), ['Barn', names(s.children)]],
      sections: [
        { heading: 'Period', paragraphs: [periodAsRun(s)] },
        {
          heading: served.length === 1 ? 'Umgängesstödsperson' : 'Umgängesstödspersoner',
          paragraphs: served.length > 0 ? served : ['Ingen umgängesstödsperson utsågs.'],
        },
        visitsSection(s),
        interviewsSection(s),
        {
          heading: 'Uppföljning',
          paragraphs:
            s.followUps.length > 0 ? s.followUps.map(followUpSentence) : ['Inget uppföljningsmöte har hållits.'],
        },
        { heading: 'Bedömning', paragraphs: paragraphsOf(s.text) },
      ],
    },
  ];
}

/** What the case history says was done, in order, as the court reads it. */
const DONE_WORDS: Record<string, string> = {
  INITIATE: 'Ärendet initierades och insatsen verkställdes.',
  APPOINT_SUPPORTER: 'Socialnämnden beslutade att utse en umgängesstödsperson.',
  REPLACE_SUPPORTER: 'Socialnämnden beslutade att byta umgängesstödsperson.',
  SEND_SUMMONS: 'Föräldrarna kallades till uppstartsmöte.',
  HOLD_STARTUP_MEETING: 'Uppstartsmötet med föräldrarna hölls.',
  START_VISITS: 'Umgänget med umgängesstöd startade.',
  END_EARLY: 'Insatsen avslutades i förtid.',
  PERIOD_ENDED: 'Perioden i domen löpte ut.',
};

/** The steps of the routine before the first visit, and what it means that each was not taken. */
const NOT_DONE: [type: string, words: string][] = [
  ['APPOINT_SUPPORTER', 'Någon umgängesstödsperson utsågs inte.'],
  ['SEND_SUMMONS', 'Föräldrarna kallades inte till något uppstartsmöte.'],
  ['HOLD_STARTUP_MEETING', 'Något uppstartsmöte hölls inte.'],
  ['START_VISITS', 'Umgänget med umgängesstöd startade aldrig, och inget umgängestillfälle ägde rum.'],
];

function dateOf(type: string, at: string, payload: Record<string, unknown>): string {
  const own = { APPOINT_SUPPORTER: 'decidedAt', HOLD_STARTUP_MEETING: 'heldAt', END_EARLY: 'endedOn' }[type];
  const value = own ? payload[own] : undefined;
  return swedishDay(typeof value === 'string' ? value : at);
}

/**
 * The letter telling the court that the support never started: the judgment's period ran out
 * before visits began, or the case ended early before them. What was done, with its dates, comes
 * from the case history; what was not, and why.
 */
export function courtNotice(s: LetterSources): Letter[] {
  const { judgment, closing, visitsStartedAt, registeredAt } = s.context;
  const end = earlyEnd(s);
  const beforeVisits = closing?.cause === 'periodEndedBeforeVisits' || (end !== undefined && !visitsStartedAt);
  if (!beforeVisits) {
    throw new BusinessRuleError(
      'endedBeforeVisits',
      said(
        'Brevet till tingsrätten om att stödet aldrig kom i gång skrivs när perioden har löpt ut eller insatsen har avslutats i förtid innan umgänget startade.',
        'the court notice is written when the period ran out, or the case ended early, before visits started',
      ),
      'kind',
    );
  }
  const received = judgment.receivedAt ?? registeredAt;
  const done = [
    `${swedishDay(received)}: Domen kom in till familjerätten.`,
    ...s.history
      .filter((h) => DONE_WORDS[h.type])
      .map((h) => `${dateOf(h.type, h.at, h.payload)}: ${DONE_WORDS[h.type]}`),
  ];
  const taken = new Set(s.history.map((h) => h.type));
  const notDone = NOT_DONE.filter(([type]) => !taken.has(type)).map(([, words]) => words);
  const receivedLate = received.slice(0, 10) > judgment.periodEnd;
  const why = end
    ? `Insatsen avslutades i förtid den ${swedishDay(end.endedOn)}, innan umgänget hade startat. Skäl: ${earlyEndReason(end)}`
    : receivedLate
      ? `Domen kom in till familjerätten den ${swedishDay(received)}, först efter att perioden för umgängesstöd hade löpt ut den ` +
        `${swedishDay(judgment.periodEnd)}. Umgängesstödet kunde därför inte verkställas.`
      : `Perioden för umgängesstöd löpte ut den ${swedishDay(judgment.periodEnd)}, innan umgänget hade kunnat starta.`;
  return [
    {
      title: 'Underrättelse om umgängesstöd som inte kom i gång',
      recipient: judgment.court,
      recipientBlock: [judgment.court],
      facts: [...caseFacts(s), ['Barn', names(s.children)]],
      sections: [
        {
          paragraphs: [
            `${judgment.court} beslutade i mål ${judgment.courtCaseNumber} att umgänget mellan ${names(s.children)} och ` +
              `${s.visitingParent.name} skulle ske med medverkan av en umgängesstödsperson. Socialnämnden underrättar härmed ` +
              'tingsrätten om att umgängesstödet aldrig kom i gång.',
          ],
        },
        { heading: 'Varför umgängesstödet inte kom i gång', paragraphs: [why] },
        { heading: 'Det här gjordes', paragraphs: done },
        ...(notDone.length > 0 ? [{ heading: 'Det här gjordes inte', paragraphs: notDone }] : []),
        ...(s.text ? [{ heading: 'Övrigt', paragraphs: paragraphsOf(s.text) }] : []),
      ],
    },
  ];
}
