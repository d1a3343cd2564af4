import type { CaseContext } from '../../machines/case-context.js';
import type { StopReason, VisitOutcome } from '../../machines/case-events.js';
import type { Protection } from '../cases/case-party.entity.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { addressLines, type PostalAddress } from '../personal-data/postal-address.js';
import type { SupporterTerm } from '../supporters/supporter-terms.js';
import type { Letter, LetterSection } from './letter.js';
import { counted, swedishDay, swedishList, swedishMoment, swedishNames } from './swedish-format.js';

/** The letters the unit sends that the system writes from the case's data. */
export const GENERATED_LETTERS = ['supporterDecision', 'summons', 'evaluation'] as const;
export type GeneratedLetter = (typeof GENERATED_LETTERS)[number];

/** A parent or child as a letter may name and address them. */
export interface LetterParty {
  role: 'residentParent' | 'visitingParent' | 'child';
  name: string;
  address: PostalAddress | null;
  protection: Protection | null;
}

export interface LetterVisit {
  occurredAt: string;
  outcome: VisitOutcome;
  stopReason: StopReason | null;
  notes: string | null;
}

/** What a letter may draw on: the case as the machine holds it, plus what is kept beside it. */
export interface LetterSources {
  context: CaseContext;
  children: LetterParty[];
  residentParent: LetterParty;
  visitingParent: LetterParty;
  supporter?: { name: string; email: string };
  supporterTerms: SupporterTerm[];
  visits: LetterVisit[];
  /** The follow-up meetings held (midpoint and closing), from the case's history. */
  followUps: { kind: 'midpoint' | 'closing'; heldAt: string; notes: string | null }[];
  /** The day the letter is written (YYYY-MM-DD). */
  today: string;
  /** Where the start-up meeting is held. */
  place?: string;
  /** Each parent's individual meeting, where the routine plans one (instants). */
  individualMeetings: Partial<Record<'residentParent' | 'visitingParent', string>>;
  /** The evaluation's own text, written by the secretary. */
  text?: string;
}

/**
 * The Tax Agency forwards post to people with protected personal data (skyddade personuppgifter)
 * without the sender knowing where they live: the letter goes in a sealed envelope marked with the
 * recipient's personnummer, inside an outer envelope to this address.
 */
export const TAX_AGENCY_FORWARDING = 'Skatteverket, Box 2820, 403 20 Göteborg';
const FORWARDING_INSTRUCTION =
  'Skyddade personuppgifter: skicka brevet genom Skatteverkets postförmedling. Lägg det i ett eget kuvert, klistra igen det, ' +
  'skriv mottagarens personnummer på kuvertet och enhetens adress på baksidan, och lägg det i ett ytterkuvert till ' +
  `${TAX_AGENCY_FORWARDING}. Skriv ingen adress till mottagaren någonstans.`;

const ROLE_WORDS = { residentParent: 'boendeföräldern', visitingParent: 'umgängesföräldern', child: 'barnet' } as const;

/** The address block of a parent's own letter: their address, or for a protected parent nothing locating them. */
function addressed(party: LetterParty): Pick<Letter, 'recipient' | 'recipientBlock' | 'forwarding'> {
  if (party.protection) {
    return { recipient: party.name, recipientBlock: [party.name], forwarding: FORWARDING_INSTRUCTION };
  }
  if (!party.address) {
    throw new BusinessRuleError(
      'recipientAddress',
      `${ROLE_WORDS[party.role]} has no postal address: add it with PUT /cases/:id/parties/:partyId`,
      'address',
    );
  }
  return { recipient: party.name, recipientBlock: [party.name, ...addressLines(party.address)] };
}

function supporterAddressed(s: LetterSources): Pick<Letter, 'recipient' | 'recipientBlock'> {
  const supporter = s.supporter!;
  return { recipient: supporter.name, recipientBlock: [supporter.name, `E-post: ${supporter.email}`] };
}

const names = (parties: LetterParty[]) => swedishNames(parties.map((p) => p.name));

function caseFacts({ context }: LetterSources): [string, string][] {
  const { judgment } = context;
  return [
    ['Domstol', judgment.court],
    ['Dom meddelad', swedishDay(judgment.judgmentDate)],
    ['Umgängesstöd enligt domen', `${swedishDay(judgment.periodStart)} – ${swedishDay(judgment.periodEnd)}`],
  ];
}

/*
 * The decision appoints a person to carry out the court's order. Neither föräldrabalken nor the
 * Social Services Act lets it be appealed (förvaltningsbesvär), and as a purely executive step it
 * is outside the municipal appeal (laglighetsprövning, 13 kap. 2 § kommunallagen); the README
 * sets out the reasoning. The letter says so and names what a dissatisfied parent can do.
 */
const NOT_APPEALABLE =
  'Beslutet att utse en umgängesstödsperson verkställer tingsrättens dom och kan inte överklagas. ' +
  'Varken föräldrabalken eller socialtjänstlagen ger rätt att överklaga ett sådant beslut till förvaltningsrätten.';
const WHAT_A_PARENT_CAN_DO =
  'Är du missnöjd med valet av umgängesstödsperson kan du kontakta handläggaren, så prövar socialnämnden frågan på nytt. ' +
  'Vill du att umgänget eller villkoren för det ändras kan du vända dig till tingsrätten.';

/** The appeal information: the supporter learns that it stands; a parent also learns what they can do. */
function appealInformation(toParent: boolean): LetterSection {
  return {
    heading: 'Information om överklagande',
    paragraphs: toParent ? [NOT_APPEALABLE, WHAT_A_PARENT_CAN_DO] : [NOT_APPEALABLE],
  };
}

function supporterDecision(s: LetterSources): Letter[] {
  const appointed = s.context.supporter;
  if (!appointed || !s.supporter) {
    throw new BusinessRuleError(
      'supporterAppointed',
      'the decision is written once a supporter has been appointed (APPOINT_SUPPORTER)',
      'kind',
    );
  }
  const { judgment } = s.context;
  const content = {
    title: 'Beslut om umgängesstödsperson',
    facts: [
      ...caseFacts(s),
      ['Barn', names(s.children)],
      ['Umgängesstödsperson', s.supporter.name],
      ['Beslutsdatum', swedishDay(appointed.decidedAt)],
    ] as [string, string][],
    sections: [
      {
        heading: 'Beslut',
        paragraphs: [
          `Socialnämnden utser ${s.supporter.name} till umgängesstödsperson för umgänget mellan ${names(s.children)} och ${s.visitingParent.name}. ` +
            `Uppdraget gäller från och med ${swedishDay(judgment.periodStart)} till och med ${swedishDay(judgment.periodEnd)}.`,
        ],
      },
      {
        heading: 'Skäl för beslutet',
        paragraphs: [
          `${judgment.court} har i mål ${judgment.courtCaseNumber} beslutat att umgänget ska ske med medverkan av en umgängesstödsperson. ` +
            'Socialnämnden ska då utse en lämplig person. Beslutet fattas med stöd av 6 kap. 15 c § föräldrabalken.',
          'Umgängesstödspersonen är med vid umgänget och skriver en rapport efter varje umgängestillfälle. Umgängesstödspersonen ska avbryta ' +
            'umgänget om umgängesföräldern verkar påverkad av alkohol eller droger, eller om umgänget av annat skäl inte kan fortsätta, ' +
            'och får avbryta det om det är tydligt att barnet inte mår bra av umgänget.',
        ],
      },
    ],
  };
  const withAppeal = (toParent: boolean) => ({
    ...content,
    sections: [...content.sections, appealInformation(toParent)],
  });
  return [
    { ...withAppeal(false), ...supporterAddressed(s) },
    { ...withAppeal(true), ...addressed(s.residentParent) },
    { ...withAppeal(true), ...addressed(s.visitingParent) },
  ];
}

function summons(s: LetterSources): Letter[] {
  const meeting = s.context.startupMeeting;
  if (!meeting) {
    throw new BusinessRuleError(
      'summonsSent',
      'the summons is written once the start-up meeting is booked (SEND_SUMMONS with meetingAt)',
      'kind',
    );
  }
  const { court } = s.context.judgment;
  const facts: [string, string][] = [
    ...caseFacts(s),
    ...(meeting.meetingAt
      ? ([
          ['Uppstartsmöte', swedishMoment(meeting.meetingAt)],
          ['Plats', s.place ?? meeting.place ?? 'Familjerättens lokaler'],
        ] as [string, string][])
      : []),
  ];
  const about =
    'Vid mötet får du information om domen och om hur umgängesstödet går till. Vi fyller i inskrivningsblanketten och går igenom ' +
    'reglerna för umgänget. Efter varje umgängestillfälle skriver umgängesstödspersonen en rapport. Om domstolen har begärt det ' +
    'återrapporterar socialnämnden till domstolen.';
  const toParent = (parent: LetterParty, role: 'residentParent' | 'visitingParent'): Letter => {
    const individual = s.individualMeetings[role];
    return {
      title: 'Umgängesstöd, kallelse till uppstartsmöte',
      ...addressed(parent),
      facts: individual ? [...facts, ['Ditt enskilda samtal', swedishMoment(individual)]] : facts,
      sections: [
        {
          paragraphs: [
            `Du kallas till ett uppstartsmöte om det umgängesstöd som ${court} har beslutat om för ${names(s.children)}.`,
            about,
            individual
              ? 'Du har också fått en tid för ett enskilt samtal med handläggaren, se ovan. Där kan vi också boka ett barnsamtal, om barnet är tillräckligt gammalt och moget och vårdnadshavarna samtycker.'
              : 'Vid mötet bokar vi tider för enskilda samtal och, om barnet är tillräckligt gammalt och moget och vårdnadshavarna samtycker, ett barnsamtal.',
            'Kan du inte komma på den angivna tiden, kontakta handläggaren så snart som möjligt.',
          ],
        },
      ],
    };
  };
  const toSupporter: Letter[] = s.supporter
    ? [
        {
          title: 'Umgängesstöd, kallelse till uppstartsmöte',
          ...supporterAddressed(s),
          facts,
          sections: [
            {
              paragraphs: [
                `Du kallas som umgängesstödsperson till uppstartsmötet om umgänget för ${names(s.children)}.`,
                'Vid mötet går vi tillsammans med föräldrarna igenom domen, reglerna för umgänget och hur du rapporterar efter varje umgängestillfälle.',
              ],
            },
          ],
        },
      ]
    : [];
  return [toParent(s.residentParent, 'residentParent'), toParent(s.visitingParent, 'visitingParent'), ...toSupporter];
}

const STOP_REASON_WORDS: Record<StopReason, string> = {
  visitingParentIntoxicated: 'umgängesföräldern verkade påverkad av alkohol eller droger',
  childUnwell: 'det var tydligt att barnet inte mådde bra',
  other: 'umgänget kunde av annat skäl inte fortsätta',
};

function periodAsRun({ context }: LetterSources): string {
  const { judgment, closing } = context;
  const ordered = `${swedishDay(judgment.periodStart)} – ${swedishDay(judgment.periodEnd)}`;
  if (closing?.cause === 'endedEarly') {
    return (
      `Umgängesstödet pågick från ${swedishDay(judgment.periodStart)} till ${swedishDay(closing.startedAt)}, då det avslutades i förtid. ` +
      `Skäl: ${closing.earlyEndReason ?? 'inget angivet'}. Domen avsåg perioden ${ordered}.`
    );
  }
  if (closing) return `Umgängesstödet pågick under hela den period som domen avsåg, ${ordered}.`;
  return `Umgängesstödet har pågått sedan ${swedishDay(judgment.periodStart)} och pågår enligt domen till och med ${swedishDay(judgment.periodEnd)}.`;
}

function visitsSection(visits: LetterVisit[]): LetterSection {
  const count = (outcome: VisitOutcome) => visits.filter((v) => v.outcome === outcome).length;
  const parts = [
    [count('completed'), 'genomfört besök', 'genomförda besök'],
    [count('stopped'), 'avbrutet besök', 'avbrutna besök'],
    [count('cancelled'), 'inställt besök', 'inställda besök'],
    [count('noShow'), 'uteblivet besök', 'uteblivna besök'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => counted(n, one, many));
  const stops = visits
    .filter((v) => v.outcome === 'stopped')
    .map(
      (v) =>
        `Besöket den ${swedishDay(v.occurredAt)} avbröts eftersom ${STOP_REASON_WORDS[v.stopReason ?? 'other']}${v.notes ? ` (${v.notes})` : ''}.`,
    );
  return {
    heading: 'Umgängestillfällen',
    paragraphs: [
      said.length > 0 ? `Under perioden har det varit ${swedishList(said)}.` : 'Inga umgängestillfällen har ägt rum.',
      ...stops,
    ],
  };
}

const FOLLOW_UP_WORDS = { midpoint: 'Uppföljningsmötet vid halva tiden', closing: 'Avslutningsmötet' } as const;

function followUpSentence({ kind, heldAt, notes }: LetterSources['followUps'][number]): string {
  return `${FOLLOW_UP_WORDS[kind]} hölls ${swedishDay(heldAt)}.${notes ? ` ${notes}` : ''}`;
}

function evaluation(s: LetterSources): Letter[] {
  const { judgment } = s.context;
  if (!judgment.evaluationRequested) {
    throw new BusinessRuleError(
      'evaluationRequested',
      `${judgment.court} did not ask for an evaluation in this case`,
      'kind',
    );
  }
  if (!s.text) throw new BusinessRuleError('evaluationText', 'the evaluation needs its text', 'text');
  // The last supporter served until the case closed, or serves still.
  const servedUntil = (t: SupporterTerm) => t.replacedAt ?? s.context.closing?.startedAt;
  const served = s.supporterTerms.map((t) => {
    const until = servedUntil(t);
    return `${t.name}, från ${swedishDay(t.from)}${until ? ` till ${swedishDay(until)}` : ''}`;
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
        visitsSection(s.visits),
        {
          heading: 'Uppföljning',
          paragraphs:
            s.followUps.length > 0 ? s.followUps.map(followUpSentence) : ['Inget uppföljningsmöte har hållits.'],
        },
        {
          heading: 'Bedömning',
          paragraphs: s.text
            .split(/\n\s*\n/)
            .map((p) => p.trim())
            .filter((p) => p !== ''),
        },
      ],
    },
  ];
}

const WRITERS: Record<GeneratedLetter, (sources: LetterSources) => Letter[]> = {
  supporterDecision,
  summons,
  evaluation,
};

/** The letters of that kind for this case, one per recipient; 422 when the case does not yet hold what they need. */
export function writeLetters(kind: GeneratedLetter, sources: LetterSources): Letter[] {
  return WRITERS[kind](sources);
}
