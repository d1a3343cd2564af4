import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { requireWritableCase } from '../cases/case-file.js';
import { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { CaseParty } from '../cases/case-party.entity.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { swedishDate } from '../common/swedish-date.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { storedFile } from '../documents/checked-upload.js';
import { DocumentsService, type DocumentFacts, type DocumentView } from '../documents/documents.service.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';
import { openAddress } from '../personal-data/postal-address.js';
import { StaffDirectory } from '../organisation/staff-directory.service.js';
import { supporterTerms } from '../supporters/supporter-terms.js';
import { Supporter } from '../supporters/supporter.entity.js';
import { UnitDirectory } from '../organisation/unit-directory.service.js';
import { Visit } from '../visits/visit.entity.js';
import type { GenerateLetterDto } from './dto/letter.dtos.js';
import { renderLetter, type LetterFrame } from './letter.js';
import { writeLetters, type LetterParty, type LetterSources } from './routine-letters.js';
import { swedishDay } from './swedish-format.js';

const FOLLOW_UPS = { HOLD_FOLLOW_UP: 'midpoint', HOLD_CLOSING_MEETING: 'closing' } as const;

const LETTER_FILE_NAMES = {
  supporterDecision: 'beslut-umgangesstodsperson',
  summons: 'kallelse-uppstartsmote',
  evaluation: 'utvardering',
};

/**
 * The routine's letters, written from the whole case (parties, supporter, visits, follow-ups) and
 * kept among its documents: above the features it reads, so the documents stay below them.
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly protector: PersonnummerProtector,
    private readonly staff: StaffDirectory,
    private readonly unit: UnitDirectory,
    private readonly documents: DocumentsService,
  ) {}

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
        throw new BusinessRuleError(
          'correctsOneLetter',
          'corrects names one letter, but this kind is written to several recipients',
          'corrects',
        );
      }
      if (!context.diaryNumber) {
        throw new BusinessRuleError(
          'diaryNumber',
          'letters carry the diary number: give it with INITIATE (diaryNumber)',
          'diaryNumber',
        );
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
        items.push(
          await this.documents.storeGeneratedWithin(
            manager,
            caseId,
            facts,
            storedFile(fileName, 'application/pdf', pdf),
            actor,
          ),
        );
      }
      return { items, total: items.length };
    });
  }

  private async letterSources(
    manager: EntityManager,
    caseId: string,
    context: LetterSources['context'],
    dto: GenerateLetterDto,
  ): Promise<LetterSources> {
    const parties = (await manager.find(CaseParty, { where: { caseId }, order: { position: 'ASC' } })).map(
      (p): LetterParty => ({
        role: p.role,
        name: p.name,
        protection: p.protection,
        address: openAddress(this.protector, p.addressCiphertext),
      }),
    );
    const supporterId = context.supporter?.supporterId;
    const supporter = supporterId ? await manager.findOneBy(Supporter, { id: supporterId }) : null;
    const visits = await manager.find(Visit, { where: { caseId }, order: { occurredAt: 'ASC' } });
    const followUps = await manager.find(CaseHistoryEntry, {
      where: { caseId, type: In(Object.keys(FOLLOW_UPS)) },
      order: { version: 'ASC' },
    });
    return {
      context,
      children: parties.filter((p) => p.role === 'child'),
      residentParent: parties.find((p) => p.role === 'residentParent')!,
      visitingParent: parties.find((p) => p.role === 'visitingParent')!,
      supporter: supporter ? { name: supporter.name, email: supporter.email } : undefined,
      supporterTerms: await supporterTerms(manager, caseId),
      visits: visits.map((v) => ({
        occurredAt: v.occurredAt.toISOString(),
        outcome: v.outcome,
        stopReason: v.stopReason,
        notes: v.notes,
      })),
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
}
