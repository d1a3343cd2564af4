import { ApiError } from './api';

/** A form's messages by field name (`children.0.personnummer`), Swedish, ready to show. */
export type FieldErrors = Record<string, string>;

/** What a refused request tells the person who sent it: messages at fields, and one for the whole form. */
export interface Refusal {
  fields: FieldErrors;
  /** A message that belongs to no one field (or to a field the form does not show). */
  general?: string;
  error: ApiError | undefined;
}

/** The API's business rules (`rule`), in Swedish. A rule not named here shows the API's own message. */
const RULE_MESSAGES: Record<string, string> = {
  judgmentInThePast: 'Domens datum kan inte ligga i framtiden.',
  periodAfterJudgment: 'Perioden kan inte börja före domens datum.',
  receivedInThePast: 'Dagen då domen kom in kan inte ligga i framtiden.',
  receivedAfterJudgment: 'Domen kan inte ha kommit in före domens datum.',
  periodRunsForward: 'Periodens sista dag kan inte ligga före dess första dag.',
  periodCap:
    'Perioden är längre än kommunens längsta tid för umgängesstöd. Kontrollera datumen, eller ange varför den längre perioden gäller.',
  partiesDistinct: 'Samma personnummer är angivet för två parter.',
  oneOpenCasePerCourtCase: 'Det finns redan ett öppet ärende för samma mål vid samma tingsrätt.',
  supporterExists: 'Umgängesstödjaren finns inte i registret.',
  supporterAppointable: 'Umgängesstödjaren kan inte utses: hen är inte godkänd eller registerutdragen är för gamla.',
  supporterCapacity: 'Umgängesstödjaren har inget ledigt uppdrag.',
  vettingComplete: 'Umgängesstödjaren kan inte godkännas förrän alla steg i utredningen är gjorda.',
  vettingStepHasHappened: 'Datumet kan inte ligga i framtiden.',
  machineGuard: 'Steget kan inte tas ännu: det som steget kräver är inte gjort.',
  caseworkerProfile: 'Ansvarig familjerättssekreterare saknar profil (namn, titel, telefon och e-post).',
  responsibleSecretary: 'Ärendet har ingen ansvarig familjerättssekreterare.',
  unitDetailsComplete: 'Enhetens uppgifter saknas: administratören behöver fylla i dem innan brevet skapas.',
  recipientAddress: 'Ange mottagarens postadress innan brevet skapas.',
  supporterAppointed: 'Beslutet kan skrivas först när en umgängesstödjare är utsedd.',
  summonsSent: 'Kallelsen kan skrivas först när tiden för uppstartsmötet är bestämd.',
  evaluationRequested: 'Tingsrätten har inte begärt någon utvärdering i det här ärendet.',
  evaluationText: 'Skriv utvärderingens text.',
  diaryNumber: 'Ärendet behöver ett diarienummer innan brevet skapas.',
  visitHasHappened: 'Umgängestillfället kan inte ligga i framtiden.',
  visitHasSupporter: 'Ärendet har ingen umgängesstödjare för umgängestillfället.',
  visitPlanLoggedOnce: 'Det planerade umgängestillfället är redan registrerat.',
  childInterviewConsent: 'Samtycke till barnsamtal saknas.',
  guardianHasCustody: 'Samtycket ska ges av en vårdnadshavare.',
  consentOnce: 'Vårdnadshavaren har redan gett sitt samtycke.',
  consentStanding: 'Det finns inget gällande samtycke att återkalla.',
  withdrawnAfterGiven: 'Samtycket kan inte återkallas före den dag det gavs.',
  heldAfterBooking: 'Barnsamtalet kan inte ha hållits före den bokade tiden.',
  interviewHasHappened: 'Barnsamtalet kan inte ligga i framtiden.',
  childInterviewOrder: 'Barnsamtalet kan inte registreras i den ordningen.',
  custodyOfChild: 'Vårdnad anges bara för ett barn.',
  correctLatest: 'Rätta den senaste versionen.',
  uploadSize: 'Filen är för stor.',
  uploadContentType: 'Filen ska vara en PDF eller en bild.',
};

/**
 * The API's shape checks (400), by what they say, as a person filling in the form reads them. The API
 * answers in Swedish (src/common/validation-words.ts), `<field> <rule>`; the English it gives to
 * `Accept-Language: en` is matched too.
 */
const SHAPE_MESSAGES: [RegExp, string][] = [
  [/personal identity number|svenskt personnummer/, 'Ange ett giltigt personnummer, ÅÅÅÅMMDD-NNNN.'],
  [/must look like "T 1234-26"|ska se ut som ”T 1234-26”/, 'Ange målnumret som T 1234-26.'],
  [/must be a date|ska vara ett (giltigt )?datum/, 'Ange ett datum som finns.'],
  [/ISO 8601|must be a time|ska vara en tidpunkt/, 'Ange datum och tid.'],
  [/must not be blank|should not be empty|must be given|får inte vara tomt|ska anges/, 'Fältet får inte vara tomt.'],
  [/must be shorter|longer than|får vara högst \d+ tecken/, 'Texten är för lång.'],
  [/must be an email|ska vara en e-postadress/, 'Ange en giltig e-postadress.'],
  [/must be a (tele)?phone number|ska vara ett telefonnummer/, 'Ange ett telefonnummer, till exempel 018-727 00 00.'],
  [/postal code|svenskt postnummer/, 'Ange ett postnummer, till exempel 753 20.'],
  [
    /must not be greater|must not be less|must be an integer|får inte vara (större|mindre)|ska vara ett heltal/,
    'Ange ett tal inom gränserna.',
  ],
];

function shapeMessage(message: string): { field: string; text: string } {
  const field = message.split(' ')[0];
  const text = SHAPE_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? 'Uppgiften har fel form.';
  return { field, text };
}

export const STALE_CASE_MESSAGE =
  'Ärendet har ändrats av någon annan sedan du öppnade det. Här är det som det ser ut nu: läs igenom det och gör om ändringen om den fortfarande behövs.';

/** Turns what the API refused into messages at the form's fields, in Swedish. */
export function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError)) {
    return { fields: {}, general: 'Tjänsten svarar inte. Kontrollera anslutningen och försök igen.', error: undefined };
  }
  const { status, body } = error;
  if (status === 400 && body.message !== undefined) {
    const fields: FieldErrors = {};
    for (const message of Array.isArray(body.message) ? body.message : [body.message]) {
      const { field, text } = shapeMessage(message);
      fields[field] ??= text;
    }
    return { fields, error };
  }
  if (body.rule) {
    const text = RULE_MESSAGES[body.rule] ?? String(body.message ?? body.rule);
    return body.field ? { fields: { [body.field]: text }, error } : { fields: {}, general: text, error };
  }
  if (body.error === 'StaleVersion') return { fields: {}, general: STALE_CASE_MESSAGE, error };
  if (body.error === 'EventNotAllowed') {
    return { fields: {}, general: 'Steget går inte att ta i det läge ärendet har nu.', error };
  }
  if (body.error === 'CaseArchived') return { fields: {}, general: 'Ärendet är arkiverat och kan inte ändras.', error };
  if (status === 401) return { fields: {}, general: 'Du är inte inloggad längre. Logga in igen.', error };
  if (status === 403) return { fields: {}, general: 'Du har inte behörighet att göra det här.', error };
  if (status === 404) return { fields: {}, general: 'Det du söker finns inte.', error };
  if (status === 413) {
    const general = 'Filen är för stor. Ta ett foto med lägre upplösning, eller skicka blanketten som PDF.';
    return { fields: {}, general, error };
  }
  if (status === 429) return { fields: {}, general: 'För många försök. Vänta en stund och försök igen.', error };
  return { fields: {}, general: 'Något gick fel hos oss. Försök igen om en stund.', error };
}
