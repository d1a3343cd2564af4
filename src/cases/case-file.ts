import type { EntityManager } from 'typeorm';
import type { CaseRecord } from './case-record.entity.js';
import { CasesRepository } from './cases.repository.js';
import { DomainError, NotFoundError } from '../common/domain-errors.js';
import { said } from '../common/said.js';

/** The repository holds no state: the case file's checks, used by every feature, share one. */
const cases = new CasesRepository();

/** The case file went to the administrator: nothing in it changes any more. */
export class CaseArchivedError extends DomainError {
  readonly kind = 'conflict';
  constructor() {
    super(
      said(
        'Ärendet är arkiverat: akten och dokumenten går inte längre att ändra.',
        'the case is archived: its file and documents are read-only',
      ),
    );
  }
  override details() {
    return { state: 'archived' };
  }
}

export async function requireCase(manager: EntityManager, caseId: string): Promise<CaseRecord> {
  const record = await cases.load(manager, caseId);
  if (!record) throw new NotFoundError('case');
  return record;
}

/**
 * Every write to a case's file (visits, reports, interviews, documents) goes through this check.
 * On PostgreSQL the case row stays locked until the write commits, so an ARCHIVE cannot slip in
 * between, and the writes to one case's file take turns: each one's checks (a consent recorded
 * once, an interview booked before it is held, a correction of the latest entry) see what the one
 * before committed. A shared lock let two writers pass the same check at once. SQLite runs one
 * transaction at a time anyway.
 */
export async function requireWritableCase(manager: EntityManager, caseId: string): Promise<CaseRecord> {
  const record = await cases.loadForUpdate(manager, caseId);
  if (!record) throw new NotFoundError('case');
  if (record.state === 'archived') throw new CaseArchivedError();
  return record;
}
