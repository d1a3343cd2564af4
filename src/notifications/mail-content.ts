import { ALERT_MESSAGES } from '../alerts/alert-kinds.js';
import type { NotifiedKind } from './notification-kinds.js';

/** What a mail may say about a case: its diary number, the link, and which alerts (kind only). */
export interface CaseNotice {
  caseId: string;
  diaryNumber: string | null;
  link: string;
  alerts: { kind: NotifiedKind; resolved: boolean }[];
}

export interface MailContent {
  subject: string;
  text: string;
}

/** E-mail is not a safe channel for social-services data: this is said in every mail, and kept to. */
const FOOTER = [
  'Av sekretesskäl står inga uppgifter om personerna i ärendet i det här meddelandet.',
  'Logga in i tjänsten för att se mer.',
  '',
  'Meddelandet skickades automatiskt från Umgängesstöd och går inte att svara på.',
  'Vilka meddelanden du får väljer du under Inställningar i tjänsten.',
];

function caseName(notice: CaseNotice): string {
  return notice.diaryNumber ? `ärende ${notice.diaryNumber}` : 'ett ärende utan diarienummer';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function alertMail(notice: CaseNotice): MailContent {
  const kind = notice.alerts[0].kind;
  return {
    subject: `Umgängesstöd: ${ALERT_MESSAGES[kind].split(':')[0].toLocaleLowerCase('sv')} (${caseName(notice)})`,
    text: [
      'Hej!',
      '',
      `Det har kommit en avisering i ${caseName(notice)}:`,
      '',
      `  ${ALERT_MESSAGES[kind]}.`,
      '',
      `Öppna ärendet: ${notice.link}`,
      '',
      ...FOOTER,
      '',
    ].join('\n'),
  };
}

export function digestMail(day: string, notices: CaseNotice[]): MailContent {
  const count = notices.reduce((sum, n) => sum + n.alerts.length, 0);
  const sections = notices.flatMap((notice) => [
    `${capitalised(caseName(notice))}: ${notice.link}`,
    ...notice.alerts.map((a) => `  - ${ALERT_MESSAGES[a.kind]}${a.resolved ? ' (redan åtgärdat)' : ''}`),
    '',
  ]);
  return {
    subject: `Umgängesstöd: daglig sammanställning ${day} (${count} ${count === 1 ? 'påminnelse' : 'påminnelser'})`,
    text: [
      'Hej!',
      '',
      `Det här har hänt i dina ärenden sedan förra sammanställningen:`,
      '',
      ...sections,
      ...FOOTER,
      '',
    ].join('\n'),
  };
}
