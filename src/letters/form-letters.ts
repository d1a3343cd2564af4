import { BusinessRuleError } from '../common/domain-errors.js';
import type { Letter, LetterSection } from './letter.js';
import { addressed, caseFacts, meetingsKeptApart, names, supporterAddressed } from './letter-parts.js';
import type { LetterSources } from './letter-sources.js';
import { swedishDay } from '../common/swedish-format.js';
import { said } from '../common/said.js';

/** A form is printed for signing at the meeting, not posted: it has no address block. */
const FOR_SIGNING = { recipientBlock: [] as string[] };

const INFORMATION_GIVEN = [
  'Information om domen och umgängesstödet',
  'Umgängesstöd, regler (gås igenom och undertecknas)',
  'Rapport skrivs efter varje umgängestillfälle (Umgängesstöd, rapport)',
  'Socialnämnden återrapporterar till tingsrätten, om tingsrätten har begärt det',
  'Barnsamtal, om barnet är tillräckligt gammalt och moget och vårdnadshavarna samtycker',
];

/**
 * Umgängesstöd, inskrivningsblankett (routine step 6): filled in and signed at the start-up
 * meeting. Where meetings are kept apart each parent signs a form of their own, so neither sees
 * what the other wrote.
 */
export function enrollmentForm(s: LetterSources): Letter[] {
  const form = (signers: { role: string; name: string }[], recipient: string): Letter => ({
    title: 'Umgängesstöd, inskrivningsblankett',
    recipient,
    ...FOR_SIGNING,
    facts: [
      ...caseFacts(s),
      ['Barn', names(s.children)],
      ['Boendeförälder', s.residentParent.name],
      ['Umgängesförälder', s.visitingParent.name],
      ['Umgängesstödsperson', s.supporter?.name ?? 'utses senare'],
    ],
    sections: [{ heading: 'Information som har lämnats', paragraphs: INFORMATION_GIVEN }],
    fillIn: [
      'Tider för umgänget (dag, tid)',
      'Plats för umgänget',
      'Plats och tid för överlämning',
      'Telefonnummer för kontakt inför umgänget',
      'Barnets behov (mat, mediciner, allergier, annat)',
      'Övrigt',
    ],
    signatures: [...signers.map((p) => `${p.role}: ${p.name}`), 'Handläggare'],
  });
  const resident = { role: 'Boendeförälder', name: s.residentParent.name };
  const visiting = { role: 'Umgängesförälder', name: s.visitingParent.name };
  return meetingsKeptApart(s)
    ? [form([resident], s.residentParent.name), form([visiting], s.visitingParent.name)]
    : [form([resident, visiting], 'föräldrarna')];
}

/** Umgängesstöd, regler (routine step 6, seed 003): what the supporter does, and what the parents agree to. */
const RULES: LetterSection[] = [
  {
    heading: 'Umgängesstödspersonens roll',
    paragraphs: [
      'Umgängesstödspersonen är med under umgänget som ett lugnt och tryggt stöd för barnet och föräldern. Umgängesstödspersonen har ' +
        'ingen uppfostrande roll och kan inte fysiskt hindra att barnet förs bort.',
      'Umgängesstödspersonen ska avbryta umgänget om umgängesföräldern verkar påverkad av alkohol eller droger, eller om umgänget av ' +
        'annat skäl inte kan fortsätta. Umgängesstödspersonen får avbryta umgänget om det är tydligt att barnet inte mår bra.',
      'Efter varje umgängestillfälle skriver umgängesstödspersonen en rapport till familjerätten. Om tingsrätten har begärt det ' +
        'återrapporterar socialnämnden till tingsrätten.',
    ],
  },
  {
    heading: 'Det här gäller för umgänget',
    paragraphs: [
      '1. Umgänget sker på de tider och den plats som anges i inskrivningsblanketten.',
      '2. Umgängesföräldern ska vara nykter och inte påverkad av droger vid umgänget.',
      '3. Barnet ska inte göras delaktigt i konflikter mellan föräldrarna. Tala inte illa om den andra föräldern inför barnet.',
      '4. Umgänget sker på svenska eller på det språk som anges i inskrivningsblanketten, så att umgängesstödspersonen förstår vad som sägs.',
      '5. Kan ett umgängestillfälle inte bli av ska det meddelas till umgängesstödspersonen och familjerätten så snart som möjligt, senast dagen före.',
      '6. Umgängesstödspersonens anvisningar under umgänget ska följas.',
    ],
  },
];

export function rules(s: LetterSources): Letter[] {
  const form = (signers: string[], recipient: string): Letter => ({
    title: 'Umgängesstöd, regler',
    recipient,
    ...FOR_SIGNING,
    facts: [...caseFacts(s), ['Barn', names(s.children)]],
    sections: [...RULES, { paragraphs: ['Jag har tagit del av reglerna och förstått dem.'] }],
    signatures: signers,
  });
  const resident = `Boendeförälder: ${s.residentParent.name}`;
  const visiting = `Umgängesförälder: ${s.visitingParent.name}`;
  return meetingsKeptApart(s)
    ? [form([resident], s.residentParent.name), form([visiting], s.visitingParent.name)]
    : [form([resident, visiting], 'föräldrarna')];
}

/** Umgängesstöd, rapport: the supporter's form, filled in after every visit (routine step 10). */
export function reportForm(s: LetterSources): Letter[] {
  return [
    {
      title: 'Umgängesstöd, rapport',
      recipient: s.supporter?.name ?? 'umgängesstödspersonen',
      ...FOR_SIGNING,
      facts: [...caseFacts(s), ['Barn', names(s.children)], ['Umgängesstödsperson', s.supporter?.name ?? '']],
      sections: [
        {
          heading: 'Umgängestillfället blev',
          paragraphs: ['genomfört', 'avbrutet', 'inställt', 'uteblivet'],
          checkboxes: true,
        },
      ],
      fillIn: [
        'Datum och tid (från–till)',
        'Plats',
        'Närvarande',
        'Hur gick överlämningen?',
        'Hur fungerade umgänget?',
        'Hur verkade barnet må?',
        'Om umgänget avbröts, ställdes in eller uteblev: vem avbröt, ställde in eller kom inte, och varför?',
        'Övrigt som familjerätten behöver veta',
      ],
      signatures: ['Umgängesstödsperson'],
    },
  ];
}

/**
 * Routine step 8: copies of the signed enrollment form and rules to both parents and the supporter,
 * as a letter of its own, kept with its date.
 */
export function documentCopies(s: LetterSources): Letter[] {
  const meeting = s.context.startupMeeting;
  if (!meeting?.heldAt || !meeting.enrollmentFormSigned || !meeting.rulesAccepted) {
    throw new BusinessRuleError(
      'formsSigned',
      said(
        'Kopiorna skickas när inskrivningsblanketten och reglerna har undertecknats vid uppstartsmötet.',
        'the copies are sent once the enrollment form and the rules were signed at the start-up meeting',
      ),
      'kind',
    );
  }
  const signedOn = swedishDay(meeting.heldAt);
  const enclosed = [
    `Umgängesstöd, inskrivningsblankett (undertecknad den ${signedOn})`,
    `Umgängesstöd, regler (undertecknade den ${signedOn})`,
  ];
  // Where meetings were kept apart each parent signed a form of their own and gets only that copy.
  const forms = meetingsKeptApart(s)
    ? 'den inskrivningsblankett och de regler som du undertecknade'
    : 'inskrivningsblanketten och reglerna';
  const letter = (toSupporter: boolean): Omit<Letter, 'recipient' | 'recipientBlock' | 'forwarding'> => ({
    title: 'Umgängesstöd, kopior av inskrivningsblankett och regler',
    facts: [...caseFacts(s), ['Barn', names(s.children)]],
    sections: [
      {
        paragraphs: [
          toSupporter
            ? `Här får du kopior av inskrivningsblanketten och reglerna för umgänget för ${names(s.children)}, som undertecknades vid uppstartsmötet den ${signedOn}.`
            : `Här får du kopior av ${forms} vid uppstartsmötet den ${signedOn}, om umgänget för ${names(s.children)}.`,
          toSupporter
            ? 'Ta med reglerna till umgängestillfällena. Kontakta handläggaren om något i inskrivningsblanketten behöver ändras.'
            : 'Spara kopiorna. Kontakta handläggaren om något i inskrivningsblanketten behöver ändras.',
        ],
      },
      { heading: 'Bilagor', paragraphs: enclosed },
    ],
  });
  return [
    { ...letter(false), ...addressed(s.residentParent) },
    { ...letter(false), ...addressed(s.visitingParent) },
    ...(s.supporter ? [{ ...letter(true), ...supporterAddressed(s.supporter) }] : []),
  ];
}
