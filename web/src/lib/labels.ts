import type { Schemas } from './api';

/*
 * The Swedish a unit reads for each code the API sends (../shared/GLOSSARY.md). Each record is
 * keyed by the API's own enum, so a code added to the API fails the type check until it is named here.
 */

export type CaseState = Schemas['CaseResponse']['state'];
export type ClientEventBody =
  | Schemas['InitiateDto']
  | Schemas['AppointSupporterDto']
  | Schemas['ReplaceSupporterDto']
  | Schemas['SendSummonsDto']
  | Schemas['HoldStartupMeetingDto']
  | Schemas['StartVisitsDto']
  | Schemas['LogVisitDto']
  | Schemas['HoldFollowUpDto']
  | Schemas['EndEarlyDto']
  | Schemas['HoldClosingMeetingDto']
  | Schemas['SubmitEvaluationDto']
  | Schemas['ArchiveDto']
  | Schemas['RecordDiaryNumberDto']
  | Schemas['BookMeetingDto'];
export type EventType = ClientEventBody['type'];
export type AlertKind = Schemas['AlertResponse']['kind'];
export type DeadlineKind = Schemas['CaseDeadline']['kind'];

export const STATE_LABELS: Record<CaseState, string> = {
  received: 'Inkommen',
  initiated: 'Initierad',
  supporterAppointed: 'Stödjare utsedd',
  startupMeeting: 'Uppstartsmöte',
  activeVisits: 'Pågående umgänge',
  midpointFollowUp: 'Halvtidsuppföljning',
  closing: 'Avslut',
  evaluated: 'Utvärderad',
  archived: 'Arkiverad',
};

export const CASE_STATES = Object.keys(STATE_LABELS) as CaseState[];

/** The state within a state, where the routine has one. */
export const SUB_STATE_LABELS: Record<string, string> = {
  summoned: 'kallelse skickad',
  held: 'mötet hållet',
  awaitingClosingMeeting: 'väntar på avslutningsmöte',
  closingMeetingHeld: 'avslutningsmötet hållet',
};

/** An event as the button a secretary presses, and as the history says it happened. */
export const EVENT_LABELS: Record<string, { action: string; done: string }> = {
  REGISTER: { action: 'Registrera dom', done: 'Domen registrerad' },
  INITIATE: { action: 'Initiera ärendet', done: 'Ärendet initierat' },
  APPOINT_SUPPORTER: { action: 'Utse umgängesstödjare', done: 'Umgängesstödjare utsedd' },
  REPLACE_SUPPORTER: { action: 'Byt umgängesstödjare', done: 'Ny umgängesstödjare utsedd' },
  SEND_SUMMONS: { action: 'Skicka kallelse', done: 'Kallelse skickad' },
  HOLD_STARTUP_MEETING: { action: 'Registrera uppstartsmöte', done: 'Uppstartsmöte hållet' },
  BOOK_MEETING: { action: 'Boka möte och skicka kallelse', done: 'Möte bokat, kallelse skickad' },
  START_VISITS: { action: 'Starta umgänget', done: 'Umgänget har startat' },
  LOG_VISIT: { action: 'Registrera umgängestillfälle', done: 'Umgängestillfälle registrerat' },
  HOLD_FOLLOW_UP: { action: 'Registrera halvtidsuppföljning', done: 'Halvtidsuppföljning hållen' },
  END_EARLY: { action: 'Avsluta i förtid', done: 'Insatsen avslutad i förtid' },
  HOLD_CLOSING_MEETING: { action: 'Registrera avslutningsmöte', done: 'Avslutningsmöte hållet' },
  SUBMIT_EVALUATION: { action: 'Skicka utvärdering till tingsrätten', done: 'Utvärdering skickad' },
  ARCHIVE: { action: 'Arkivera', done: 'Ärendet arkiverat' },
  RECORD_DIARY_NUMBER: { action: 'Registrera diarienummer', done: 'Diarienumret registrerat' },
  MIDPOINT_REACHED: { action: 'Halvtid nådd', done: 'Halvtid nådd' },
  PERIOD_ENDED: { action: 'Perioden har löpt ut', done: 'Perioden har löpt ut' },
  VISIT_REPORT_FILED: { action: 'Rapport inkommen', done: 'Rapport inkommen' },
};

export function eventDone(type: string): string {
  return EVENT_LABELS[type]?.done ?? type;
}

export const ALERT_LABELS: Record<AlertKind, string> = {
  supporterNotAppointed: 'Ingen umgängesstödjare har utsetts sedan domen kom in',
  summonsNotSent: 'Kallelse till uppstartsmöte har inte skickats sedan stödjaren utsågs',
  startupMeetingNotHeld: 'Uppstartsmötet har inte hållits sedan kallelsen skickades',
  visitsNotStarted: 'Umgänget har inte startat sedan uppstartsmötet',
  visitReportMissing: 'Rapport saknas för ett umgängestillfälle',
  noRecentVisit: 'Inget umgängestillfälle har registrerats på länge: kontrollera att umgänget blir av',
  followUpNotHeld: 'Halvtidsuppföljningen har inte hållits',
  closingMeetingNotHeld: 'Avslutningsmötet har inte hållits',
  evaluationNotSubmitted: 'Utvärderingen som tingsrätten begärt har inte skickats',
  notArchived: 'Ärendet har inte arkiverats',
  deadlineFailed: 'En tidsfrist kunde inte hanteras och försöks igen: någon behöver titta på orsaken',
  visitStopped: 'Ett umgängestillfälle avbröts: följ upp med föräldrarna och stödjaren',
  periodEndedBeforeVisits: 'Perioden i domen löpte ut innan umgänget startade: tingsrätten ska underrättas',
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  midpoint: 'Halvtid: uppföljning ska hållas',
  periodEnd: 'Perioden löper ut',
  supporterNotAppointed: 'Umgängesstödjare ska ha utsetts',
  summonsNotSent: 'Kallelse till uppstartsmöte ska ha skickats',
  startupMeetingNotHeld: 'Uppstartsmötet ska ha hållits',
  visitsNotStarted: 'Umgänget ska ha startat',
  visitReportMissing: 'Rapport efter umgängestillfälle ska ha kommit in',
  noRecentVisit: 'Nästa umgängestillfälle ska ha registrerats',
  followUpNotHeld: 'Halvtidsuppföljningen ska ha hållits',
  closingMeetingNotHeld: 'Avslutningsmötet ska ha hållits',
  evaluationNotSubmitted: 'Utvärderingen ska ha skickats till tingsrätten',
  notArchived: 'Ärendet ska ha arkiverats',
};

export const DEADLINE_STATUS_LABELS: Record<Schemas['CaseDeadline']['status'], string> = {
  pending: 'väntar',
  fired: 'passerad',
  cancelled: 'avbruten',
};

export const OUTCOME_LABELS: Record<Schemas['LogVisitDto']['outcome'], string> = {
  completed: 'Genomfört',
  stopped: 'Avbrutet',
  cancelled: 'Inställt',
  noShow: 'Uteblivet',
};

export const STOP_REASON_LABELS: Record<NonNullable<Schemas['LogVisitDto']['stopReason']>, string> = {
  visitingParentIntoxicated: 'Umgängesföräldern verkade påverkad av alkohol eller droger',
  childUnwell: 'Barnet mådde inte bra',
  other: 'Annat skäl',
};

export const CANCELLED_BY_LABELS: Record<NonNullable<Schemas['LogVisitDto']['cancelledBy']>, string> = {
  residentParent: 'Boendeföräldern',
  visitingParent: 'Umgängesföräldern',
  child: 'Barnet',
  supporter: 'Umgängesstödjaren',
  unit: 'Familjerätten',
};

export const EARLY_END_LABELS: Record<Schemas['EndEarlyDto']['reasonCategory'], string> = {
  courtChangedOrder: 'Tingsrätten har ändrat domen',
  parentsAgreed: 'Föräldrarna är överens om umgänge utan stöd',
  childMoved: 'Barnet har flyttat',
  visitingParentStopped: 'Umgängesföräldern har slutat komma till umgänget',
  childDeclined: 'Barnet vill inte längre ha umgänge',
  other: 'Annat skäl',
};

export const MEETING_PARTY_LABELS: Record<'residentParent' | 'visitingParent', string> = {
  residentParent: 'Boendeförälderns möte',
  visitingParent: 'Umgängesförälderns möte',
};

export const PROTECTION_LABELS: Record<NonNullable<Schemas['PartyDto']['protection']>, string> = {
  sekretessmarkering: 'Sekretessmarkering',
  skyddadFolkbokforing: 'Skyddad folkbokföring',
};

export const CUSTODY_LABELS: Record<NonNullable<Schemas['ChildDto']['custody']>, string> = {
  joint: 'Gemensam vårdnad',
  residentParent: 'Boendeföräldern har ensam vårdnad',
  visitingParent: 'Umgängesföräldern har ensam vårdnad',
};

export const VETTING_STEP_LABELS: Record<Schemas['RecordVettingStepDto']['step'], string> = {
  interview: 'Intervju',
  references: 'Referenser',
  criminalRecordExtract: 'Utdrag ur belastningsregistret',
  socialServicesExtract: 'Utdrag ur socialtjänstens register',
};

export const SUPPORTER_STATUS_LABELS: Record<Schemas['SupporterResponse']['status'], string> = {
  interested: 'Intresseanmäld',
  approved: 'Godkänd',
  rejected: 'Avslagen',
};

export const DOCUMENT_KIND_LABELS: Record<Schemas['DocumentResponse']['kind'], string> = {
  supporterDecision: 'Beslut om att utse umgängesstödsperson',
  summons: 'Umgängesstöd, kallelse',
  enrollmentForm: 'Umgängesstöd, inskrivningsblankett',
  rules: 'Umgängesstöd, regler',
  visitReport: 'Umgängesstöd, rapport',
  evaluation: 'Utvärdering av umgängesstöd',
  terminationDecision: 'Beslut om att avsluta insatsen',
  courtNotice: 'Underrättelse till tingsrätten',
  reportForm: 'Umgängesstöd, rapport (blankett)',
  documentCopies: 'Umgängesstöd, kopior av inskrivningsblankett och regler',
  other: 'Övrigt',
};

/** The letters the service writes, as the secretary picks one. */
export const LETTER_LABELS: Record<Schemas['GenerateLetterDto']['kind'], string> = {
  supporterDecision: 'Beslut om att utse umgängesstödsperson',
  replacementDecision: 'Beslut om byte av umgängesstödsperson',
  summons: 'Kallelse till uppstartsmöte',
  followUpSummons: 'Kallelse till uppföljningsmöte',
  closingSummons: 'Kallelse till avslutningsmöte',
  enrollmentForm: 'Inskrivningsblankett',
  rules: 'Regler',
  reportForm: 'Rapportblankett',
  documentCopies: 'Kopior av inskrivningsblankett och regler',
  evaluation: 'Utvärdering till tingsrätten',
  courtNotice: 'Underrättelse till tingsrätten',
};

export const INTERVIEW_STATUS_LABELS: Record<Schemas['InterviewResponse']['status'], string> = {
  noConsent: 'Samtycke saknas',
  consented: 'Samtycke finns',
  booked: 'Bokat',
  held: 'Hållet',
  declined: 'Barnet avböjde',
};

export const ROLE_LABELS: Record<string, string> = {
  secretary: 'Familjerättssekreterare',
  supporter: 'Umgängesstödjare',
  administrator: 'Administratör',
  developer: 'Utvecklare',
  system: 'Systemet',
};
