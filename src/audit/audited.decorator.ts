import { SetMetadata } from '@nestjs/common';

export const AUDITED_KEY = 'audited';

/** One thing an answer shows: a case, or something beside one (`supporter:<id>`). */
export interface AuditedSubject {
  caseId?: string | null;
  subject?: string | null;
}

export interface AuditedOptions {
  /** A route that only reads, whatever its method (a search sent as POST keeps the personnummer out of the URL). */
  reads?: boolean;
  /** For a list: what each item of the answer shows, one audit entry each. */
  shown?: (body: never) => AuditedSubject[];
  /** The handler tells what its answer shows (RequestAudit.show), where the answer cannot say it (a CSV). */
  shownToldByHandler?: boolean;
}

/** How the audit trail records a route beyond what its method and parameters tell. */
export const Audited = <B>(options: {
  reads?: boolean;
  shown?: (body: B) => AuditedSubject[];
  shownToldByHandler?: boolean;
}) => SetMetadata(AUDITED_KEY, options as AuditedOptions);

export const AUDITED_BY_COMMAND_KEY = 'audit:byCommand';

/**
 * A route whose case command writes the request's audit entry inside its own transaction (see
 * RequestAudit), so the change and its entry commit together; the interceptor writes it only
 * when the command did not (a refusal, a dry run rolled back).
 */
export const AuditedByCommand = () => SetMetadata(AUDITED_BY_COMMAND_KEY, true);
