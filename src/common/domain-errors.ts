import { said, type Said } from './said.js';

/**
 * What a use case can refuse, in the domain's words. Use cases throw these, never HTTP
 * exceptions; one filter maps them to HTTP answers, in the language the client reads (said.ts).
 * The Error's own message is the English text, for logs and stack traces.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'invalidInput' | 'notFound' | 'conflict' | 'businessRule';
  constructor(readonly text: Said) {
    super(text.en);
  }
  details(): Record<string, unknown> {
    return {};
  }
}

/** Input that passed the shape checks but is still malformed (e.g. an unknown event type). */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalidInput';
  constructor(readonly messages: Said[]) {
    super(said(messages.map((m) => m.sv).join('; '), messages.map((m) => m.en).join('; ')));
  }
}

/** What cannot be found, in both languages: `ärendet` / `case`. */
export const NOT_FOUND_WORDS = {
  case: 'Ärendet',
  supporter: 'Umgängesstödjaren',
  party: 'Parten',
  child: 'Barnet',
  alert: 'Aviseringen',
  document: 'Dokumentet',
  'document content': 'Dokumentets innehåll',
  'staff profile': 'Personalprofilen',
  'calendar token': 'Kalenderlänken',
  'calendar feed': 'Kalendern',
  'page asset': 'Filen',
  visit: 'Umgängestillfället',
  'visit plan': 'Det planerade umgänget',
  'report to correct': 'Rapporten som ska rättas',
} as const;
export type NotFoundWhat = keyof typeof NOT_FOUND_WORDS;

export class NotFoundError extends DomainError {
  readonly kind = 'notFound';
  constructor(what: NotFoundWhat) {
    super(said(`${NOT_FOUND_WORDS[what]} finns inte.`, `${what} not found`));
  }
}

/**
 * A supporter asked for a case they are not appointed to: answered as if it did not exist, and
 * audited as a refusal of access, like the access guard's.
 */
export class CaseOutOfReachError extends NotFoundError {
  constructor() {
    super('case');
  }
}

/** The states as the secretary reads them (GLOSSARY.md). */
const STATE_WORDS: Record<string, string> = {
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

/** The events as actions a secretary takes (GLOSSARY.md). */
export const EVENT_WORDS: Record<string, string> = {
  INITIATE: 'Initiera ärendet',
  APPOINT_SUPPORTER: 'Utse umgängesstödjare',
  REPLACE_SUPPORTER: 'Byt umgängesstödjare',
  SEND_SUMMONS: 'Skicka kallelse',
  HOLD_STARTUP_MEETING: 'Registrera uppstartsmöte',
  BOOK_MEETING: 'Boka möte och skicka kallelse',
  START_VISITS: 'Starta umgänget',
  LOG_VISIT: 'Registrera umgängestillfälle',
  HOLD_FOLLOW_UP: 'Registrera halvtidsuppföljning',
  END_EARLY: 'Avsluta i förtid',
  HOLD_CLOSING_MEETING: 'Registrera avslutningsmöte',
  SUBMIT_EVALUATION: 'Skicka utvärdering till tingsrätten',
  ARCHIVE: 'Arkivera',
};

export const eventWords = (type: string) => EVENT_WORDS[type] ?? type;
export const stateWords = (state: string) => STATE_WORDS[state] ?? state;

export class EventNotAllowedError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly eventType: string,
    readonly state: string,
    readonly allowedEvents: string[],
  ) {
    super(
      said(
        `”${eventWords(eventType)}” går inte att göra när ärendet är i läget ${stateWords(state)}.`,
        `${eventType} is not allowed while the case is in ${state}`,
      ),
    );
  }
  override details() {
    return { state: this.state, allowedEvents: this.allowedEvents };
  }
}

export class StaleVersionError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      said(
        'Ärendet har ändrats av någon annan sedan du öppnade det. Läs in det igen.',
        `the case was changed by someone else: you had version ${expectedVersion}, it is now at ${currentVersion}`,
      ),
    );
  }
  override details() {
    return { currentVersion: this.currentVersion };
  }
}

export class BusinessRuleError extends DomainError {
  readonly kind = 'businessRule';
  constructor(
    readonly rule: string,
    text: Said,
    readonly field?: string,
  ) {
    super(text);
  }
  override details() {
    return { rule: this.rule, ...(this.field ? { field: this.field } : {}) };
  }
}

/** A second open case for the same court case: registered only when the secretary confirms it. */
export class DuplicateCaseError extends DomainError {
  readonly kind = 'conflict';
  constructor(readonly existingCaseId: string) {
    super(
      said(
        `Det finns redan ett öppet ärende för samma tingsrätt och målnummer (${existingCaseId}). ` +
          'Ange confirmDuplicateOf med det ärendets id om du ändå vill registrera ett till.',
        `an open case for the same court and court case number exists (${existingCaseId}); ` +
          'give confirmDuplicateOf with that id to register another',
      ),
    );
  }
  override details() {
    return { rule: 'oneOpenCasePerCourtCase', existingCaseId: this.existingCaseId, field: 'courtCaseNumber' };
  }
}
