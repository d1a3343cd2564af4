import { BusinessRuleError } from '../common/domain-errors.js';
import { addressLines } from '../personal-data/postal-address.js';
import type { Letter, LetterSection } from './letter.js';
import type { DecisionRecord, LetterParty, LetterSources, LetterSupporter, ParentRole } from './letter-sources.js';
import { swedishDay, swedishMoment, swedishNames } from '../common/swedish-format.js';
import { ROLE_WORDS } from './swedish-words.js';
import { said } from '../common/said.js';
import { separateMeetingsRequired, whereaboutsProtected } from '../cases/protected-parties.js';

/**
 * Skatteverket forwards post to a person with skyddad folkbokföring without the sender knowing
 * where they live: the letter goes in a sealed envelope marked with the recipient's personnummer,
 * inside an outer envelope to this address. A person with sekretessmarkering gets post at their
 * own address; the marking only means it must never reach anyone else.
 */
export const TAX_AGENCY_FORWARDING = 'Skatteverket, Box 2820, 403 20 Göteborg';
const FORWARDING_INSTRUCTION =
  'Skyddad folkbokföring: skicka brevet genom Skatteverkets postförmedling. Lägg det i ett eget kuvert, klistra igen det, ' +
  'skriv mottagarens personnummer på kuvertet och enhetens adress på baksidan, och lägg det i ett ytterkuvert till ' +
  `${TAX_AGENCY_FORWARDING}. Skriv ingen adress till mottagaren någonstans.`;

export type Addressing = Pick<Letter, 'recipient' | 'recipientBlock' | 'forwarding'>;

/** The address block of a parent's own letter: their address, or for skyddad folkbokföring nothing locating them. */
export function addressed(party: LetterParty): Addressing {
  if (party.protection === 'skyddadFolkbokforing') {
    return { recipient: party.name, recipientBlock: [party.name], forwarding: FORWARDING_INSTRUCTION };
  }
  if (!party.address) {
    throw new BusinessRuleError(
      'recipientAddress',
      said(
        `Ange ${ROLE_WORDS[party.role].replace(/n$/, 'ns')} postadress innan brevet skapas.`,
        `the ${party.role} has no postal address: add it to the party before the letter is written`,
      ),
      'address',
    );
  }
  return { recipient: party.name, recipientBlock: [party.name, ...addressLines(party.address)] };
}

/** A supporter's letters go by post to the address the unit keeps for them, never to an e-mail address. */
export function supporterAddressed(supporter: LetterSupporter): Addressing {
  if (!supporter.address) {
    throw new BusinessRuleError(
      'supporterAddress',
      said(
        `Ange umgängesstödjarens postadress (${supporter.name}) innan brevet skapas.`,
        `the supporter ${supporter.name} has no postal address: add it to the supporter before the letter is written`,
      ),
      'address',
    );
  }
  return { recipient: supporter.name, recipientBlock: [supporter.name, ...addressLines(supporter.address)] };
}

export const names = (parties: LetterParty[]) => swedishNames(parties.map((p) => p.name));

export function caseFacts({ context }: LetterSources): [string, string][] {
  const { judgment } = context;
  return [
    ['Domstol', judgment.court],
    ['Dom meddelad', swedishDay(judgment.judgmentDate)],
    ['Umgängesstöd enligt domen', `${swedishDay(judgment.periodStart)} – ${swedishDay(judgment.periodEnd)}`],
  ];
}

/** The decision's facts (förvaltningslagen 31 §): its date, who made it and, where someone else did, who presented it. */
export function decisionFacts(decision: DecisionRecord): [string, string][] {
  const { decisionMaker, presenter } = decision;
  return [
    ['Beslutsdatum', swedishDay(decision.decidedAt)],
    ['Beslut fattat av', `${decisionMaker.name}, ${decisionMaker.title.toLocaleLowerCase('sv')}`],
    ...(presenter
      ? [['Föredragande', `${presenter.name}, ${presenter.title.toLocaleLowerCase('sv')}`] as [string, string]]
      : []),
  ];
}

export function requireDecision(s: LetterSources): DecisionRecord {
  if (!s.decision)
    throw new BusinessRuleError(
      'decisionRecorded',
      said('Beslutet är inte registrerat i ärendet.', 'the decision is not recorded on the case'),
      'kind',
    );
  return s.decision;
}

/**
 * The supporter takes part in the committee's work on an assignment, so the secrecy of social
 * services (26 kap. 1 § OSL) binds them as it binds staff (2 kap. 1 § OSL); breaking it is an
 * offence under 20 kap. 3 § brottsbalken. docs/letters.md sets out the reasoning.
 */
export const CONFIDENTIALITY: LetterSection = {
  heading: 'Tystnadsplikt',
  paragraphs: [
    'Som umgängesstödsperson deltar du i socialnämndens verksamhet på grund av ett uppdrag. Du har därför tystnadsplikt enligt ' +
      '26 kap. 1 § offentlighets- och sekretesslagen (2009:400), som enligt 2 kap. 1 § samma lag gäller även den som ' +
      'deltar i en myndighets verksamhet på grund av ett uppdrag. Du får inte berätta för någon utomstående vad du får veta ' +
      'om barnet, föräldrarna eller deras förhållanden.',
    'Tystnadsplikten gäller även mellan föräldrarna och fortsätter att gälla efter att uppdraget har upphört. Den som bryter ' +
      'mot tystnadsplikten kan dömas för brott mot tystnadsplikt enligt 20 kap. 3 § brottsbalken.',
  ],
};

/** `300.00` as `300 kronor`, `150.50` as `150,50 kronor`. */
function kronor(sek: string): string {
  const [whole, ore] = sek.split('.');
  return ore === '00' ? `${whole} kronor` : `${whole},${ore} kronor`;
}

/** The fee basis from the compensation rules (src/compensation/compensation-rules.ts). */
export function feeSection({ fee }: LetterSources): LetterSection {
  return {
    heading: 'Arvode',
    paragraphs: [
      `Du får arvode enligt socialnämndens ersättningsregler: ${kronor(fee.perVisit)} per umgängestillfälle och ` +
        `${kronor(fee.perHour)} per timme. Arvode betalas för genomförda och avbrutna umgängestillfällen och för ` +
        'tillfällen då du kom men en förälder eller barnet uteblev; ett inställt umgängestillfälle ger inget arvode.',
      'Arvodet betalas ut månadsvis efter att du har lämnat rapporten för varje umgängestillfälle. Arvodet är skattepliktigt.',
    ],
  };
}

/** The parents whose whereabouts must not reach the other parent: skyddad folkbokföring or a marked risk. */
export function protectedParents(s: LetterSources): LetterParty[] {
  return [s.residentParent, s.visitingParent].filter(whereaboutsProtected);
}

/**
 * Where one parent has skyddad folkbokföring, or the secretary marked a risk, the routine holds
 * individual meetings instead of joint ones: then no letter names a joint meeting. The same rule
 * as the case's, so the letters and the machine's summons agree.
 */
export function meetingsKeptApart(s: LetterSources): boolean {
  return separateMeetingsRequired([s.residentParent, s.visitingParent]);
}

export const PARENT_ROLES: ParentRole[] = ['residentParent', 'visitingParent'];

/** A parent's own meeting when meetings are kept apart: 422 naming the field when it was not given. */
export function ownMeeting(s: LetterSources, role: ParentRole): { at: string; place: string } {
  const at = s.individualMeetings[role];
  if (!at) {
    throw new BusinessRuleError(
      'separateMeetings',
      said(
        `En förälder har skyddad folkbokföring eller så har en risk markerats: mötena hålls enskilt. Ange en egen tid för ${ROLE_WORDS[role].replace(/n$/, 'ns')} möte.`,
        `a parent has skyddad folkbokföring or a risk is marked: meetings are held apart; give ${role}MeetingAt`,
      ),
      `${role}MeetingAt`,
    );
  }
  return { at, place: s.individualPlaces[role] ?? s.place ?? 'Familjerättens lokaler' };
}

/**
 * Every letter to someone other than a protected parent is read before it is written: it must not
 * name a time, or a place of their own, where the protected parent will be. A letter that does is
 * refused, never sent.
 */
export function guardWhereabouts(letters: Letter[], s: LetterSources, jointMeetingAt?: string): void {
  for (const protectedParent of protectedParents(s)) {
    const role = protectedParent.role as ParentRole;
    const theirTimes = [s.individualMeetings[role], jointMeetingAt].filter((at): at is string => !!at);
    const theirPlace = s.individualPlaces[role];
    for (const letter of letters) {
      if (letter.recipient === protectedParent.name) continue;
      const recipientRole = PARENT_ROLES.find((r) => s[r].name === letter.recipient);
      const ownAt = recipientRole && s.individualMeetings[recipientRole];
      const ownPlace = recipientRole && s.individualPlaces[recipientRole];
      const text = [...letter.facts.flat(), ...letter.sections.flatMap((section) => section.paragraphs)].join('\n');
      const leaksTime = theirTimes.some((at) => at !== ownAt && text.includes(swedishMoment(at)));
      const leaksPlace = theirPlace !== undefined && theirPlace !== ownPlace && text.includes(theirPlace);
      if (leaksTime || leaksPlace) {
        throw new BusinessRuleError(
          'protectedWhereabouts',
          said(
            'Brevet skulle tala om för någon annan var eller när en förälder med skyddad folkbokföring eller en markerad risk finns. Ange skilda tider och platser för de enskilda mötena.',
            'the letter would tell someone else where or when a parent with skyddad folkbokföring or a marked risk will be: give separate times and places for the individual meetings',
          ),
          `${role}MeetingAt`,
        );
      }
    }
  }
}
