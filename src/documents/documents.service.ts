import { randomUUID } from 'node:crypto';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseRecord } from '../cases/case-record.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { requireCase, requireWritableCase } from '../cases/case-file.js';
import { checkUpload, type CheckedUpload, type IncomingFile } from './checked-upload.js';
import { CaseDocument } from './document.entity.js';
import { DocumentsRepository } from './documents.repository.js';
import type { DocumentFactsDto } from './dto/document.dtos.js';
import { said } from '../common/said.js';

export function documentView(document: CaseDocument, correctedBy: string | null) {
  return {
    id: document.id,
    kind: document.kind,
    origin: document.origin,
    title: document.title,
    date: document.date,
    author: document.author,
    recipients: document.recipients,
    status: document.status,
    body: document.body,
    file: document.sha256
      ? { fileName: document.fileName, contentType: document.contentType, size: document.size, sha256: document.sha256 }
      : null,
    corrects: document.correctsId,
    correctedBy,
    createdAt: document.createdAt.toISOString(),
    createdBy: document.createdBy,
  };
}
export type DocumentView = ReturnType<typeof documentView>;

/**
 * What the administrator sees of an active case's documents: which there are, of what kind, from
 * when, in what state. Titles, authors, recipients, texts and file names can name the family or
 * tell what happened at a visit, so they are left out until the case file is handed over (archived).
 */
function administratorDocumentView(view: DocumentView) {
  const { id, kind, origin, date, status, file, corrects, correctedBy, createdAt } = view;
  return {
    id,
    kind,
    origin,
    date,
    status,
    file: file && { contentType: file.contentType, size: file.size, sha256: file.sha256 },
    corrects,
    correctedBy,
    createdAt,
  };
}

/** The administrator receives the case file when the case is archived; until then it is the secretary's. */
const seesWholeFile = (role: Actor['role'], record: CaseRecord) =>
  role !== 'administrator' || record.state === 'archived';

/** A document's facts as stored: the DTO's with the corrected document resolved. */
export type DocumentFacts = Omit<DocumentFactsDto, 'corrects'> & { correctsId: string | null; body?: string };

@Injectable()
export class DocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly documents: DocumentsRepository,
  ) {}

  list(caseId: string, role: Actor['role']) {
    return this.transactions.run(async (manager) => {
      const record = await requireCase(manager, caseId);
      const documents = await this.documents.ofCase(manager, caseId);
      const correctedBy = new Map(documents.filter((d) => d.correctsId).map((d) => [d.correctsId!, d.id]));
      const views = documents.map((d) => documentView(d, correctedBy.get(d.id) ?? null));
      return {
        items: seesWholeFile(role, record) ? views : views.map(administratorDocumentView),
        total: documents.length,
      };
    });
  }

  /** The stored bytes exactly as they came in (or were generated), with what describes them. */
  content(caseId: string, documentId: string, role: Actor['role']): Promise<{ document: CaseDocument; bytes: Buffer }> {
    return this.transactions.run(async (manager) => {
      if (!seesWholeFile(role, await requireCase(manager, caseId))) {
        throw new ForbiddenException(
          said(
            'Administratören läser ett ärendes dokument först när ärendet är arkiverat.',
            "the administrator reads a case's documents once the case is archived",
          ),
        );
      }
      const document = await this.find(manager, caseId, documentId);
      const bytes = document.sha256 ? await this.documents.readContent(manager, documentId) : undefined;
      if (!bytes) throw new NotFoundError('document content');
      return { document, bytes };
    });
  }

  /** A document the unit holds on paper or elsewhere, noted on the case without a file. */
  record(caseId: string, dto: DocumentFactsDto, actor: Actor): Promise<DocumentView> {
    return this.transactions.run(async (manager) => {
      await requireWritableCase(manager, caseId);
      return this.insertWithin(manager, caseId, 'recorded', this.factsOf(dto), null, actor);
    });
  }

  async upload(
    caseId: string,
    file: IncomingFile | undefined,
    dto: DocumentFactsDto,
    actor: Actor,
  ): Promise<DocumentView> {
    const upload = await checkUpload(file, this.config.uploadMaxBytes);
    return this.transactions.run(async (manager) => {
      await requireWritableCase(manager, caseId);
      return this.insertWithin(manager, caseId, 'uploaded', this.factsOf(dto), upload, actor);
    });
  }

  /** For another part of the file (a visit report): notes a document inside its transaction. */
  recordWithin(manager: EntityManager, caseId: string, facts: DocumentFacts, actor: Actor): Promise<DocumentView> {
    return this.insertWithin(manager, caseId, 'recorded', facts, null, actor);
  }

  /** For another part of the file (a scanned visit report): stores a checked upload inside its transaction. */
  storeUploadWithin(
    manager: EntityManager,
    caseId: string,
    facts: DocumentFacts,
    upload: CheckedUpload,
    actor: Actor,
  ): Promise<DocumentView> {
    return this.insertWithin(manager, caseId, 'uploaded', facts, upload, actor);
  }

  /** For a letter written from the case's data: keeps the generated PDF inside the letter's transaction. */
  storeGeneratedWithin(
    manager: EntityManager,
    caseId: string,
    facts: DocumentFacts,
    pdf: CheckedUpload,
    actor: Actor,
  ): Promise<DocumentView> {
    return this.insertWithin(manager, caseId, 'generated', facts, pdf, actor);
  }

  private factsOf(dto: DocumentFactsDto): DocumentFacts {
    const { corrects, ...facts } = dto;
    return { ...facts, correctsId: corrects ?? null };
  }

  private async insertWithin(
    manager: EntityManager,
    caseId: string,
    origin: CaseDocument['origin'],
    facts: DocumentFacts,
    upload: CheckedUpload | null,
    actor: Actor,
  ): Promise<DocumentView> {
    if (facts.correctsId) await this.requireCorrectable(manager, caseId, facts.correctsId);
    const document = Object.assign(new CaseDocument(), {
      id: randomUUID(),
      caseId,
      kind: facts.kind,
      origin,
      title: facts.title,
      date: facts.date,
      author: facts.author,
      recipients: facts.recipients,
      status: facts.status,
      body: facts.body ?? null,
      fileName: upload?.fileName ?? null,
      contentType: upload?.contentType ?? null,
      size: upload?.size ?? null,
      sha256: upload?.sha256 ?? null,
      correctsId: facts.correctsId,
      createdAt: this.clock.now(),
      createdBy: actor.id,
    });
    await this.documents.insert(manager, document);
    if (upload) await this.documents.storeContent(manager, document.id, upload.bytes);
    return documentView(document, null);
  }

  /** A correction names a document on the same case that no other correction has replaced yet. */
  private async requireCorrectable(manager: EntityManager, caseId: string, correctsId: string): Promise<void> {
    await this.find(manager, caseId, correctsId);
    if (await this.documents.corrected(manager, caseId, correctsId)) {
      throw new BusinessRuleError(
        'correctLatest',
        said(
          'Dokumentet är redan rättat: rätta den senaste versionen.',
          'that document was already corrected: correct the latest version',
        ),
        'corrects',
      );
    }
  }

  private async find(manager: EntityManager, caseId: string, documentId: string): Promise<CaseDocument> {
    const document = await this.documents.find(manager, caseId, documentId);
    if (!document) throw new NotFoundError('document');
    return document;
  }
}
