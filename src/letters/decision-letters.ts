import { BusinessRuleError } from '../common/domain-errors.js';
import type { Letter, LetterSection } from './letter.js';
import {
  addressed,
  caseFacts,
  CONFIDENTIALITY,
  decisionFacts,
  feeSection,
  names,
  requireDecision,
  supporterAddressed,
} from './letter-parts.js';
import type { LetterSources, Replacement } from './letter-sources.js';
import { swedishDay } from '../common/swedish-format.js';
import { sentence } from './swedish-words.js';
import { said } from '../common/said.js';

/*
 * The decision appoints a person to carry out the court's order. Neither föräldrabalken nor the
 * Social Services Act lets it be appealed (förvaltningsbesvär), and as a purely executive step it
 * is outside the municipal appeal (laglighetsprövning, 13 kap. 2 § kommunallagen); docs/letters.md
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

const SUPPORTER_ROLE =
  'Umgängesstödspersonen är med vid umgänget och skriver en rapport efter varje umgängestillfälle. Umgängesstödspersonen ska avbryta ' +
  'umgänget om umgängesföräldern verkar påverkad av alkohol eller droger, eller om umgänget av annat skäl inte kan fortsätta, ' +
  'och får avbryta det om det är tydligt att barnet inte mår bra av umgänget.';

function groundsFor(s: LetterSources): string {
  const { judgment } = s.context;
  return (
    `${judgment.court} har i mål ${judgment.courtCaseNumber} beslutat att umgänget ska ske med medverkan av en umgängesstödsperson. ` +
    'Socialnämnden ska då utse en lämplig person. Beslutet fattas med stöd av 6 kap. 15 c § föräldrabalken.'
  );
}

/** The supporter's own letter adds what binds and pays them: confidentiality and the fee. */
function forSupporter(sections: LetterSection[], s: LetterSources): LetterSection[] {
  return [...sections, CONFIDENTIALITY, feeSection(s), appealInformation(false)];
}

export function supporterDecision(s: LetterSources): Letter[] {
  if (!s.context.supporter || !s.supporter) {
    throw new BusinessRuleError(
      'supporterAppointed',
      said(
        'Beslutet skrivs när en umgängesstödjare har utsetts (Utse umgängesstödjare).',
        'the decision is written once a supporter has been appointed (APPOINT_SUPPORTER)',
      ),
      'kind',
    );
  }
  const decision = requireDecision(s);
  const { judgment } = s.context;
  const title = 'Beslut om umgängesstödsperson';
  const facts: [string, string][] = [
    ...caseFacts(s),
    ['Barn', names(s.children)],
    ['Umgängesstödsperson', s.supporter.name],
    ...decisionFacts(decision),
  ];
  const sections: LetterSection[] = [
    {
      heading: 'Beslut',
      paragraphs: [
        `Socialnämnden utser ${s.supporter.name} till umgängesstödsperson för umgänget mellan ${names(s.children)} och ${s.visitingParent.name}. ` +
          `Uppdraget gäller från och med ${swedishDay(judgment.periodStart)} till och med ${swedishDay(judgment.periodEnd)}.`,
      ],
    },
    { heading: 'Skäl för beslutet', paragraphs: [groundsFor(s), SUPPORTER_ROLE] },
  ];
  return [
    { title, facts, sections: forSupporter(sections, s), ...supporterAddressed(s.supporter) },
    { title, facts, sections: [...sections, appealInformation(true)], ...addressed(s.residentParent) },
    { title, facts, sections: [...sections, appealInformation(true)], ...addressed(s.visitingParent) },
  ];
}

function requireReplacement(s: LetterSources): Replacement {
  if (!s.replacement) {
    throw new BusinessRuleError(
      'supporterReplaced',
      said(
        'Beslutet om byte skrivs när en ny umgängesstödjare har utsetts (Byt umgängesstödjare).',
        'the replacement decision is written once another supporter has been appointed (REPLACE_SUPPORTER)',
      ),
      'kind',
    );
  }
  return s.replacement;
}

/**
 * A replacement is a decision of its own: the new supporter learns from which day they take over,
 * whom they replace and why; the outgoing supporter learns their assignment ends; the parents are told.
 */
export function replacementDecision(s: LetterSources): Letter[] {
  const replacement = requireReplacement(s);
  const decision = requireDecision(s);
  const { judgment } = s.context;
  const { incoming, outgoing, takesOverOn } = replacement;
  const reason = sentence(replacement.reason);
  const from = swedishDay(takesOverOn);
  const facts: [string, string][] = [...caseFacts(s), ['Barn', names(s.children)], ...decisionFacts(decision)];
  const grounds: LetterSection = {
    heading: 'Skäl för beslutet',
    paragraphs: [
      `${outgoing.name} har varit umgängesstödsperson sedan ${swedishDay(replacement.outgoingFrom)}. ${reason}`,
      groundsFor(s),
    ],
  };
  const appointing: LetterSection = {
    heading: 'Beslut',
    paragraphs: [
      `Socialnämnden utser ${incoming.name} till ny umgängesstödsperson för umgänget mellan ${names(s.children)} och ${s.visitingParent.name}, ` +
        `i stället för ${outgoing.name}. ${incoming.name} tar över uppdraget från och med ${from}, och uppdraget gäller till och med ` +
        `${swedishDay(judgment.periodEnd)}.`,
    ],
  };
  const toIncoming: Letter = {
    title: 'Beslut om byte av umgängesstödsperson',
    facts: [
      ...facts,
      ['Ny umgängesstödsperson', incoming.name],
      ['Ersätter', outgoing.name],
      ['Tar över från och med', from],
    ],
    sections: forSupporter([appointing, { ...grounds, paragraphs: [...grounds.paragraphs, SUPPORTER_ROLE] }], s),
    ...supporterAddressed(incoming),
  };
  const toOutgoing: Letter = {
    title: 'Beslut om att uppdraget som umgängesstödsperson upphör',
    facts: [
      ...facts,
      ['Umgängesstödsperson', outgoing.name],
      ['Uppdraget upphör', `när ${incoming.name} tar över den ${from}`],
    ],
    sections: [
      {
        heading: 'Beslut',
        paragraphs: [
          `Socialnämnden har beslutat att ditt uppdrag som umgängesstödsperson för umgänget mellan ${names(s.children)} och ` +
            `${s.visitingParent.name} upphör. ${incoming.name} tar över uppdraget från och med ${from}.`,
        ],
      },
      grounds,
      {
        heading: 'Det här gäller nu',
        paragraphs: [
          'Lämna rapporten för varje umgängestillfälle du har varit med på, om du inte redan har gjort det. Arvode för dessa ' +
            'tillfällen betalas ut enligt socialnämndens ersättningsregler.',
          'Din tystnadsplikt enligt 26 kap. 1 § och 2 kap. 1 § offentlighets- och sekretesslagen (2009:400) gäller även efter att uppdraget har upphört.',
          'Tack för ditt arbete med uppdraget.',
        ],
      },
      appealInformation(false),
    ],
    ...supporterAddressed(outgoing),
  };
  const toParent: Omit<Letter, keyof ReturnType<typeof addressed>> = {
    title: 'Beslut om byte av umgängesstödsperson',
    facts: [...facts, ['Ny umgängesstödsperson', incoming.name], ['Från och med', from]],
    sections: [appointing, grounds, appealInformation(true)],
  };
  return [
    toIncoming,
    toOutgoing,
    { ...toParent, ...addressed(s.residentParent) },
    { ...toParent, ...addressed(s.visitingParent) },
  ];
}
