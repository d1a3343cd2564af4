import type { BookedMeeting } from '../../machines/case-context.js';
import type { BookedMeetingKind } from '../../machines/case-events.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import type { Letter, LetterSection } from './letter.js';
import {
  addressed,
  caseFacts,
  guardWhereabouts,
  meetingsKeptApart,
  names,
  ownMeeting,
  supporterAddressed,
} from './letter-parts.js';
import type { LetterParty, LetterSources, ParentRole } from './letter-sources.js';
import { swedishMoment } from '../common/swedish-format.js';
import { said } from '../common/said.js';

/** One of the routine's meetings as its summons describes it. */
interface Meeting {
  title: string;
  /** `uppstartsmöte`, `uppföljningsmöte`: what the parent is summoned to. */
  name: string;
  /** The fact's label: `Uppstartsmöte`. */
  label: string;
  at: string;
  place: string;
  /** What happens at the meeting, for the parents. */
  about: string[];
  /** What happens at the meeting, for the supporter. */
  aboutForSupporter: string;
}

const CANNOT_COME = 'Kan du inte komma på den angivna tiden, kontakta handläggaren så snart som möjligt.';

/**
 * The summons to one meeting: to each parent and the supporter. Where meetings are kept apart
 * (skyddad folkbokföring or a marked risk) each parent is summoned to their own meeting only and
 * the supporter learns the times from the secretary; every letter is checked before it is written.
 */
function summonsTo(s: LetterSources, meeting: Meeting): Letter[] {
  const apart = meetingsKeptApart(s);
  const base = caseFacts(s);
  const toParent = (parent: LetterParty, role: ParentRole): Letter => {
    const own = apart ? ownMeeting(s, role) : undefined;
    const individual = s.individualMeetings[role];
    const facts: [string, string][] = own
      ? [...base, [`Ditt ${meeting.name}`, swedishMoment(own.at)], ['Plats', own.place]]
      : [
          ...base,
          [meeting.label, swedishMoment(meeting.at)],
          ['Plats', meeting.place],
          ...(individual ? [['Ditt enskilda samtal', swedishMoment(individual)] as [string, string]] : []),
        ];
    const paragraphs = own
      ? [
          `Du kallas till ett ${meeting.name} om det umgängesstöd som ${s.context.judgment.court} har beslutat om för ${names(s.children)}. ` +
            'Mötet hålls enskilt med dig och handläggaren.',
          ...meeting.about,
          CANNOT_COME,
        ]
      : [
          `Du kallas till ett ${meeting.name} om det umgängesstöd som ${s.context.judgment.court} har beslutat om för ${names(s.children)}.`,
          ...meeting.about,
          ...(individual ? ['Du har också fått en tid för ett enskilt samtal med handläggaren, se ovan.'] : []),
          CANNOT_COME,
        ];
    return { title: meeting.title, ...addressed(parent), facts, sections: [{ paragraphs }] };
  };
  const toSupporter: Letter[] = s.supporter
    ? [
        {
          title: meeting.title,
          ...supporterAddressed(s.supporter),
          facts: apart ? base : [...base, [meeting.label, swedishMoment(meeting.at)], ['Plats', meeting.place]],
          sections: [
            {
              paragraphs: [
                `Du kallas som umgängesstödsperson till ${meeting.name}t om umgänget för ${names(s.children)}.`,
                meeting.aboutForSupporter,
                ...(apart
                  ? [
                      'Mötena med föräldrarna hålls enskilt. Handläggaren kontaktar dig om tid och plats för de möten du ska vara med på.',
                    ]
                  : []),
              ],
            },
          ],
        },
      ]
    : [];
  const letters = [
    toParent(s.residentParent, 'residentParent'),
    toParent(s.visitingParent, 'visitingParent'),
    ...toSupporter,
  ];
  guardWhereabouts(letters, s, apart ? meeting.at : undefined);
  return letters;
}

export function summons(s: LetterSources): Letter[] {
  const meeting = s.context.startupMeeting;
  if (!meeting) {
    throw new BusinessRuleError(
      'summonsSent',
      said(
        'Kallelsen skrivs när uppstartsmötet har bokats (Skicka kallelse med mötestid).',
        'the summons is written once the start-up meeting is booked (SEND_SUMMONS with meetingAt)',
      ),
      'kind',
    );
  }
  return summonsTo(s, {
    title: 'Umgängesstöd, kallelse till uppstartsmöte',
    name: 'uppstartsmöte',
    label: 'Uppstartsmöte',
    at: meetingTime(s, meeting.meetingAt, meeting.summonsSentAt),
    place: s.place ?? meeting.place ?? 'Familjerättens lokaler',
    about: [
      'Vid mötet får du information om domen och om hur umgängesstödet går till. Vi fyller i inskrivningsblanketten och går igenom ' +
        'reglerna för umgänget. Efter varje umgängestillfälle skriver umgängesstödspersonen en rapport. Om domstolen har begärt det ' +
        'återrapporterar socialnämnden till domstolen.',
      'Vid mötet bokar vi också, om barnet är tillräckligt gammalt och moget och vårdnadshavarna samtycker, ett barnsamtal.',
    ],
    aboutForSupporter:
      'Vid mötet går vi igenom domen, reglerna för umgänget och hur du rapporterar efter varje umgängestillfälle.',
  });
}

/** A follow-up or closing meeting as booked (routine step 9), read from the case. */
function booked(s: LetterSources, kind: BookedMeetingKind): BookedMeeting {
  const meeting = s.context.meetings?.[kind];
  if (!meeting) {
    throw new BusinessRuleError(
      'meetingBooked',
      kind === 'midpointFollowUp'
        ? said(
            'Kallelsen skrivs när uppföljningsmötet har bokats (Boka möte och skicka kallelse).',
            'the summons is written once the follow-up meeting is booked (BOOK_MEETING)',
          )
        : said(
            'Kallelsen skrivs när avslutningsmötet har bokats (Boka möte och skicka kallelse).',
            'the summons is written once the closing meeting is booked (BOOK_MEETING)',
          ),
      'kind',
    );
  }
  return meeting;
}

/**
 * The meeting a summons names: the joint one, or where the parents are met one at a time the first
 * parent's own (each parent's letter then names only their own), or else when the summons was recorded.
 */
function meetingTime(s: LetterSources, joint: string | undefined, recordedAt: string): string {
  return joint ?? s.individualMeetings.residentParent ?? s.individualMeetings.visitingParent ?? recordedAt;
}

const FOLLOW_UP_ABOUT: LetterSection['paragraphs'] = [
  'Vid halva tiden följer vi upp hur umgänget har fungerat: för barnet, för er föräldrar och för umgängesstödspersonen. ' +
    'Vi går igenom rapporterna från umgängestillfällena och vad som behöver ändras under resten av perioden.',
];

export function followUpSummons(s: LetterSources): Letter[] {
  const meeting = booked(s, 'midpointFollowUp');
  return summonsTo(s, {
    title: 'Umgängesstöd, kallelse till uppföljningsmöte',
    name: 'uppföljningsmöte',
    label: 'Uppföljningsmöte',
    at: meetingTime(s, meeting.meetingAt, meeting.bookedAt),
    place: s.place ?? meeting.place ?? 'Familjerättens lokaler',
    about: FOLLOW_UP_ABOUT,
    aboutForSupporter: 'Vid mötet följer vi upp hur umgänget har fungerat hittills och vad som behöver ändras.',
  });
}

export function closingSummons(s: LetterSources): Letter[] {
  const meeting = booked(s, 'closing');
  return summonsTo(s, {
    title: 'Umgängesstöd, kallelse till avslutningsmöte',
    name: 'avslutningsmöte',
    label: 'Avslutningsmöte',
    at: meetingTime(s, meeting.meetingAt, meeting.bookedAt),
    place: s.place ?? meeting.place ?? 'Familjerättens lokaler',
    about: [
      'Umgängesstödet närmar sig sitt slut. Vid mötet går vi igenom hur umgänget har fungerat under perioden och hur det kan ' +
        'fortsätta utan stöd.' +
        (s.context.judgment.evaluationRequested
          ? ' Tingsrätten har begärt en utvärdering, och det som kommer fram vid mötet tas med i den.'
          : ''),
    ],
    aboutForSupporter: 'Vid mötet går vi igenom hur umgänget har fungerat under perioden.',
  });
}
