/**
 * What a use case can refuse, in the domain's words. Use cases throw these, never HTTP
 * exceptions; one filter maps them to HTTP answers.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'invalidInput' | 'notFound' | 'conflict' | 'businessRule';
  details(): Record<string, unknown> {
    return {};
  }
}

/** Input that passed the shape checks but is still malformed (e.g. an unknown event type). */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalidInput';
  constructor(readonly messages: string[]) {
    super(messages.join('; '));
  }
  override details() {
    return { message: this.messages };
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'notFound';
  constructor(what: string) {
    super(`${what} not found`);
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

export class EventNotAllowedError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly eventType: string,
    readonly state: string,
    readonly allowedEvents: string[],
  ) {
    super(`${eventType} is not allowed while the case is in ${state}`);
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
    super(`the case was changed by someone else: you had version ${expectedVersion}, it is now at ${currentVersion}`);
  }
  override details() {
    return { currentVersion: this.currentVersion };
  }
}

export class BusinessRuleError extends DomainError {
  readonly kind = 'businessRule';
  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
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
      `an open case for the same court and court case number exists (${existingCaseId}); ` +
        'give confirmDuplicateOf with that id to register another',
    );
  }
  override details() {
    return { rule: 'oneOpenCasePerCourtCase', existingCaseId: this.existingCaseId, field: 'courtCaseNumber' };
  }
}
