import { Injectable } from '@nestjs/common';
import { LessThan, type EntityManager } from 'typeorm';
import { run, type Sql } from '../database/sql.js';
import { CaseRetention } from './case-retention.entity.js';
import { CaseDocument } from './document.entity.js';

/*
 * A document's bytes live in their own table, read only on download. The column is `bytea` on
 * PostgreSQL and `blob` on SQLite: no single entity column type covers both, so the table has no
 * entity and its two statements are written out; both drivers take and give a Buffer.
 */
const STORE_CONTENT: Sql = {
  postgres: 'INSERT INTO "document_contents" ("documentId", bytes) VALUES ($1, $2)',
  sqlite: 'INSERT INTO "document_contents" ("documentId", bytes) VALUES (?, ?)',
};

const READ_CONTENT: Sql = {
  postgres: 'SELECT bytes FROM "document_contents" WHERE "documentId" = $1',
  sqlite: 'SELECT bytes FROM "document_contents" WHERE "documentId" = ?',
};

/** A case's documents, their contents and the file's retention, inside the caller's transaction. */
@Injectable()
export class DocumentsRepository {
  /** The case's documents in the order they were filed. */
  ofCase(manager: EntityManager, caseId: string): Promise<CaseDocument[]> {
    return manager.find(CaseDocument, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(manager: EntityManager, caseId: string, documentId: string): Promise<CaseDocument | null> {
    return manager.findOneBy(CaseDocument, { id: documentId, caseId });
  }

  /** Whether a correction of the document is on file already. */
  corrected(manager: EntityManager, caseId: string, documentId: string): Promise<boolean> {
    return manager.existsBy(CaseDocument, { caseId, correctsId: documentId });
  }

  async insert(manager: EntityManager, document: CaseDocument): Promise<void> {
    await manager.insert(CaseDocument, document);
  }

  async storeContent(manager: EntityManager, documentId: string, bytes: Buffer): Promise<void> {
    await run(manager, STORE_CONTENT, [documentId, bytes]);
  }

  async readContent(manager: EntityManager, documentId: string): Promise<Buffer | undefined> {
    const { records } = await run(manager, READ_CONTENT, [documentId]);
    return records.length > 0 ? Buffer.from(records[0].bytes as Uint8Array) : undefined;
  }

  async insertRetention(manager: EntityManager, retention: CaseRetention): Promise<void> {
    await manager.insert(CaseRetention, retention);
  }

  retentionOf(manager: EntityManager, caseId: string): Promise<CaseRetention | null> {
    return manager.findOneBy(CaseRetention, { caseId });
  }

  /** How many archived files have a disposal date before `today` (and wait for a disposal run). */
  countDisposalsDue(manager: EntityManager, today: string): Promise<number> {
    return manager.count(CaseRetention, { where: { disposalDate: LessThan(today) } });
  }
}
