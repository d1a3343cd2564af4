import { randomUUID } from 'node:crypto';
import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { CaseParty } from '../cases/case-party.entity.js';
import type { CaseRecord } from '../cases/case-record.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { swedishDate } from '../common/swedish-date.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.js';
import { openAddress } from '../personal-data/postal-address.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import { supporterTerms } from '../supporters/supporter-terms.js';
import { UnitDirectory } from '../unit/unit-directory.js';
import { Supporter } from '../supporters/supporter.entity.js';
import { Visit } from '../visits/visit.entity.js';
import { requireCase, requireWritableCase } from '../cases/case-file.js';
import { checkUpload, storedFile, type CheckedUpload, type IncomingFile } from './checked-upload.js';
import { readContent, storeContent } from './document-contents.js';
import { CaseDocument } from './document.entity.js';
import type { DocumentFactsDto, GenerateLetterDto } from './dto/document.dtos.js';
import { renderLetter, type LetterFrame } from './letters/letter.js';
import { writeLetters, type LetterParty, type LetterSources } from './letters/routine-letters.js';
import { swedishDay } from './letters/swedish-format.js';

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
  return { id, kind, origin, date, status, file: file && { contentType: file.contentType, size: file.size, sha256: file.sha256 }, corrects, correctedBy, createdAt };
}

/** The administrator receives the case file when the case is archived; until then it is the secretary's. */
const seesWholeFile = (role: Actor['role'], record: CaseRecord) => role !== 'administrator' || record.state === 'archived';

/** A document's facts as stored: the DTO's with the corrected document resolved. */
export type DocumentFacts = Omit<DocumentFactsDto, 'corrects'> & { correctsId: string | null; body?: string };

const FOLLOW_UPS = { HOLD_FOLLOW_UP: 'midpoint', HOLD_CLOSING_MEETING: 'closing' } as const;

const LETTER_FILE_NAMES = { supporterDecision: 'beslut-umgangesstodsperson', summons: 'kallelse-uppstartsmote', evaluation: 'utvardering' };

@Injectable()
export class DocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly protector: PersonnummerProtector,
    private readonly staff: StaffDirectory,
    private readonly unit: UnitDirectory,
  ) {}

  list(caseId: string, role: Actor['role']) {
    return this.transactions.run(async (manager) => {
      const record = await requireCase(manager, caseId);
      const documents = await manager.find(CaseDocument, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
      const correctedBy = new Map(documents.filter((d) => d.correctsId).map((d) => [d.correctsId!, d.id]));
      const views = documents.map((d) => documentView(d, correctedBy.get(d.id) ?? null));
      return { items: seesWholeFile(role, record) ? views : views.map(administratorDocumentView), total: documents.length };
    });
  }

  /** The stored bytes exactly as they came in (or were generated), with what describes them. */
  content(caseId: string, documentId: string, role: Actor['role']): Promise<{ document: CaseDocument; bytes: Buffer }> {
    return this.transactions.run(async (manager) => {
      if (!seesWholeFile(role, await requireCase(manager, caseId))) {
        throw new ForbiddenException('the administrator reads a case\'s documents once the case is archived');
      }
      const document = await this.find(manager, caseId, documentId);
      const bytes = document.sha256 ? await readContent(manager, documentId) : undefined;
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

  async upload(caseId: string, file: IncomingFile | undefined, dto: DocumentFactsDto, actor: Actor): Promise<DocumentView> {
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
  storeUploadWithin(manager: EntityManager, caseId: string, facts: DocumentFacts, upload: CheckedUpload, actor: Actor): Promise<DocumentView> {
    return this.insertWithin(manager, caseId, 'uploaded', facts, upload, actor);
  }

  /**
   * Writes one of the routine's letters from the case's data, one Swedish PDF per recipient, each
   * kept on the case. 422 when the unit's details, the caseworker's profile or a recipient's
   * address is missing: never a letter with blanks.
   */
  generate(caseId: string, dto: GenerateLetterDto, actor: Actor): Promise<{ items: DocumentView[]; total: number }> {
    return this.transactions.run(async (manager) => {
      const record = await requireWritableCase(manager, caseId);
      const { context } = record.snapshot;
      const sources = await this.letterSources(manager, caseId, context, dto);
      const letters = writeLetters(dto.kind, sources);
      if (dto.corrects && letters.length > 1) {
        throw new BusinessRuleError('correctsOneLetter', 'corrects names one letter, but this kind is written to several recipients', 'corrects');
      }
      if (!context.diaryNumber) {
        throw new BusinessRuleError('diaryNumber', 'letters carry the diary number: give it with INITIATE (diaryNumber)', 'diaryNumber');
      }
      const frame: LetterFrame = {
        unit: await this.unit.requireComplete(manager),
        caseworker: await this.staff.requireProfileOf(manager, record.responsibleSecretaryId),
        diaryNumber: context.diaryNumber,
        courtCaseNumber: record.courtCaseNumber,
        dateText: swedishDay(sources.today),
      };
      const items: DocumentView[] = [];
      for (const [index, letter] of letters.entries()) {
        const pdf = await renderLetter(letter, frame);
        const fileName = `${LETTER_FILE_NAMES[dto.kind]}-${record.courtCaseNumber.replace(/[^A-Za-z0-9-]+/g, '-')}-${index + 1}.pdf`;
        const facts: DocumentFacts = {
          kind: dto.kind,
          title: `${letter.title}, till ${letter.recipient}`,
          date: sources.today,
          author: frame.caseworker.name,
          recipients: [letter.recipient],
          status: 'final',
          correctsId: dto.corrects ?? null,
          // The evaluation keeps its text; a letter for forwarding keeps how to send it.
          body: letter.forwarding ?? dto.text,
        };
        items.push(await this.insertWithin(manager, caseId, 'generated', facts, storedFile(fileName, 'application/pdf', pdf), actor));
      }
      return { items, total: items.length };
    });
  }

  private async letterSources(manager: EntityManager, caseId: string, context: LetterSources['context'], dto: GenerateLetterDto): Promise<LetterSources> {
    const parties = (await manager.find(CaseParty, { where: { caseId }, order: { position: 'ASC' } })).map(
      (p): LetterParty => ({ role: p.role, name: p.name, protection: p.protection, address: openAddress(this.protector, p.addressCiphertext) }),
    );
    const supporterId = context.supporter?.supporterId;
    const supporter = supporterId ? await manager.findOneBy(Supporter, { id: supporterId }) : null;
    const visits = await manager.find(Visit, { where: { caseId }, order: { occurredAt: 'ASC' } });
    const followUps = await manager.find(CaseHistoryEntry, { where: { caseId, type: In(Object.keys(FOLLOW_UPS)) }, order: { version: 'ASC' } });
    return {
      context,
      children: parties.filter((p) => p.role === 'child'),
      residentParent: parties.find((p) => p.role === 'residentParent')!,
      visitingParent: parties.find((p) => p.role === 'visitingParent')!,
      supporter: supporter ? { name: supporter.name, email: supporter.email } : undefined,
      supporterTerms: await supporterTerms(manager, caseId),
      visits: visits.map((v) => ({ occurredAt: v.occurredAt.toISOString(), outcome: v.outcome, stopReason: v.stopReason, notes: v.notes })),
      followUps: followUps.map((entry) => {
        const { heldAt, notes } = entry.payload as { heldAt: string; notes?: string };
        return { kind: FOLLOW_UPS[entry.type as keyof typeof FOLLOW_UPS], heldAt, notes: notes ?? null };
      }),
      today: swedishDate(this.clock.now()),
      place: dto.place,
      individualMeetings: { residentParent: dto.residentParentMeetingAt, visitingParent: dto.visitingParentMeetingAt },
      text: dto.text,
    };
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
    await manager.insert(CaseDocument, document);
    if (upload) await storeContent(manager, document.id, upload.bytes);
    return documentView(document, null);
  }

  /** A correction names a document on the same case that no other correction has replaced yet. */
  private async requireCorrectable(manager: EntityManager, caseId: string, correctsId: string): Promise<void> {
    await this.find(manager, caseId, correctsId);
    if (await manager.existsBy(CaseDocument, { caseId, correctsId })) {
      throw new BusinessRuleError('correctLatest', 'that document was already corrected: correct the latest version', 'corrects');
    }
  }

  private async find(manager: EntityManager, caseId: string, documentId: string): Promise<CaseDocument> {
    const document = await manager.findOneBy(CaseDocument, { id: documentId, caseId });
    if (!document) throw new NotFoundError('document');
    return document;
  }
}
