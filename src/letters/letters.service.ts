import { Inject, Injectable } from '@nestjs/common';
import type { BookedMeeting, CaseContext } from '../../machines/case-context.js';
import type { BookedMeetingKind } from '../../machines/case-events.js';
import type { EntityManager } from 'typeorm';
import { requireWritableCase } from '../cases/case-file.js';
import type { CaseHistoryEntry } from '../cases/case-history-entry.entity.js';
import { CasesRepository } from '../cases/cases.repository.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { swedishDate } from '../common/swedish-date.js';
import { sekOf } from '../compensation/compensation-rules.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { storedFile } from '../documents/checked-upload.js';
import { DocumentsService, type DocumentFacts, type DocumentView } from '../documents/documents.service.js';
import { InterviewsRepository } from '../interviews/interviews.repository.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';
import { openAddress } from '../personal-data/postal-address.js';
import { StaffDirectory } from '../organisation/staff-directory.service.js';
import { supporterTerms } from '../supporters/supporter-terms.js';
import { SupportersRepository } from '../supporters/supporters.repository.js';
import { UnitDirectory } from '../organisation/unit-directory.service.js';
import type { Visit } from '../visits/visit.entity.js';
import { VisitsRepository } from '../visits/visits.repository.js';
import type { GenerateLetterDto } from './dto/letter.dtos.js';
import { renderLetter, type LetterFrame } from './letter.js';
import type {
  DecisionRecord,
  HistoryStep,
  LetterParty,
  LetterSources,
  LetterSupporter,
  Official,
  Replacement,
} from './letter-sources.js';
import { LETTER_KINDS, writeLetters, type GeneratedLetter } from './routine-letters.js';
import { swedishDay } from '../common/swedish-format.js';
import { said } from '../common/said.js';

const FOLLOW_UPS = { HOLD_FOLLOW_UP: 'midpoint', HOLD_CLOSING_MEETING: 'closing' } as const;

const cases = new CasesRepository();
const visitRecords = new VisitsRepository();
const interviewRecords = new InterviewsRepository();
const supporters = new SupportersRepository();

/** The event that records the decision a letter conveys. */
const DECISION_EVENTS: Partial<Record<GeneratedLetter, string>> = {
  supporterDecision: 'APPOINT_SUPPORTER',
  replacementDecision: 'REPLACE_SUPPORTER',
};

/** Each parent's own meeting as planned for the meeting a letter summons to: the start-up meeting unless it names a booked one. */
const BOOKED_MEETING_LETTERS: Partial<Record<GeneratedLetter, BookedMeetingKind>> = {
  followUpSummons: 'midpointFollowUp',
  closingSummons: 'closing',
};

function plannedFor(kind: GeneratedLetter, context: CaseContext): BookedMeeting['individual'] {
  const booked = BOOKED_MEETING_LETTERS[kind];
  return booked ? context.meetings?.[booked]?.individual : context.startupMeeting?.individual;
}

/** A decision event's payload as the history keeps it; `decisionMaker` and `presenter` where they were recorded. */
interface DecisionPayload {
  supporterId: string;
  decidedAt?: string;
  reason?: string;
  takesOverOn?: string;
  decisionMaker?: Official;
  presenter?: Official;
}

/**
 * The routine's letters, written from the whole case (parties, supporter, visits, follow-ups) and
 * kept among its documents: above the features it reads, so the documents stay below them.
 */
@Injectable()
export class LettersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
      if (!context.diaryNumber) {
        throw new BusinessRuleError(
          'diaryNumber',
          said(
            'Breven har ärendets diarienummer: ange det när ärendet initieras.',
            'letters carry the diary number: give it with INITIATE (diaryNumber)',
          ),
          'diaryNumber',
        );
      }
      const frame: LetterFrame = {
        unit: await this.unit.requireComplete(manager),
        caseworker: await this.staff.requireProfileOf(manager, record.responsibleSecretaryId),
        diaryNumber: context.diaryNumber,
        courtCaseNumber: record.courtCaseNumber,
        dateText: swedishDay(swedishDate(this.clock.now())),
      };
      const sources = await this.letterSources(manager, caseId, context, dto);
      const letters = writeLetters(dto.kind, sources);
      if (dto.corrects && letters.length > 1) {
        throw new BusinessRuleError(
          'correctsOneLetter',
          said(
            'Ett rättat brev ersätter ett enda brev, men det här brevet skrivs till flera mottagare.',
            'corrects names one letter, but this kind is written to several recipients',
          ),
          'corrects',
        );
      }
      const kind = LETTER_KINDS[dto.kind];
      const items: DocumentView[] = [];
      for (const [index, letter] of letters.entries()) {
        const pdf = await renderLetter(letter, frame);
        const fileName = `${kind.fileName}-${record.courtCaseNumber.replace(/[^A-Za-z0-9-]+/g, '-')}-${index + 1}.pdf`;
        const facts: DocumentFacts = {
          kind: kind.document,
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
    const planned = plannedFor(dto.kind, context);
    const parties = (await cases.partiesInOrder(manager, caseId)).map((p): LetterParty => ({
      role: p.role,
      position: p.position,
      name: p.name,
      protection: p.protection,
      meetingRisk: p.meetingRisk,
      address: openAddress(this.protector, p.addressCiphertext),
    }));
    const entries = await cases.history(manager, caseId);
    const history = entries.map((e): HistoryStep => ({
      type: e.type,
      at: e.at.toISOString(),
      payload: e.payload as Record<string, unknown>,
    }));
    const decisionType = DECISION_EVENTS[dto.kind];
    const decisionEntry = decisionType ? entries.findLast((e) => e.type === decisionType) : undefined;
    // The decision letter names the supporter it appointed; every other letter the one serving now.
    const supporterId = decisionEntry
      ? (decisionEntry.payload as DecisionPayload).supporterId
      : context.supporter?.supporterId;
    const visits = await visitRecords.visitsOfCase(manager, caseId);
    const interviews = (await interviewRecords.interviewsOfCase(manager, caseId)).sort(
      (a, b) => a.childPosition - b.childPosition,
    );
    const { ratePerVisitOre, ratePerHourOre } = this.config.compensation;
    return {
      context,
      children: parties.filter((p) => p.role === 'child'),
      residentParent: parties.find((p) => p.role === 'residentParent')!,
      visitingParent: parties.find((p) => p.role === 'visitingParent')!,
      supporter: supporterId ? await this.supporter(manager, supporterId) : undefined,
      supporterTerms: await supporterTerms(manager, caseId),
      decision: decisionEntry ? await this.decision(manager, decisionEntry) : undefined,
      replacement:
        dto.kind === 'replacementDecision' && decisionEntry
          ? await this.replacement(manager, entries, decisionEntry)
          : undefined,
      history,
      visits: visits.map((v) => {
        const more = v as Visit & { absenceReason?: string | null; childPosition?: number | null };
        return {
          occurredAt: v.occurredAt.toISOString(),
          outcome: v.outcome,
          stopReason: v.stopReason,
          notes: v.notes,
          cancelledBy: v.cancelledBy,
          absenceReason: more.absenceReason ?? null,
          childPosition: more.childPosition ?? null,
        };
      }),
      interviews: interviews.map((i) => ({
        childPosition: i.childPosition,
        status: i.status,
        heldAt: i.heldAt?.toISOString() ?? null,
        notes: i.notes,
        declineReason: i.declineReason,
      })),
      followUps: entries
        .filter((e) => e.type in FOLLOW_UPS)
        .map((entry) => {
          const { heldAt, notes } = entry.payload as { heldAt: string; notes?: string };
          return { kind: FOLLOW_UPS[entry.type as keyof typeof FOLLOW_UPS], heldAt, notes: notes ?? null };
        }),
      fee: { perVisit: sekOf(ratePerVisitOre), perHour: sekOf(ratePerHourOre) },
      today: swedishDate(this.clock.now()),
      place: dto.place,
      // Each parent's own meeting as the letter gives it, or else as its summons planned it (contactSupport@3).
      individualMeetings: {
        residentParent: dto.residentParentMeetingAt ?? planned?.residentParent?.meetingAt,
        visitingParent: dto.visitingParentMeetingAt ?? planned?.visitingParent?.meetingAt,
      },
      individualPlaces: {
        residentParent: dto.residentParentPlace ?? planned?.residentParent?.place,
        visitingParent: dto.visitingParentPlace ?? planned?.visitingParent?.place,
      },
      text: dto.text,
    };
  }

  private async supporter(manager: EntityManager, id: string): Promise<LetterSupporter | undefined> {
    const supporter = await supporters.find(manager, id);
    return supporter
      ? { name: supporter.name, address: openAddress(this.protector, supporter.addressCiphertext) }
      : undefined;
  }

  /**
   * Who decided (förvaltningslagen 31 §): the decision-maker recorded with the event, or else the
   * secretary who recorded it, deciding under delegation; the presenter only where recorded and
   * someone else.
   */
  private async decision(manager: EntityManager, entry: CaseHistoryEntry): Promise<DecisionRecord> {
    const payload = entry.payload as DecisionPayload;
    const recorder = payload.decisionMaker ? undefined : await this.staff.profileOf(entry.actorId, manager);
    const decisionMaker = payload.decisionMaker ?? (recorder && { name: recorder.name, title: recorder.title });
    if (!decisionMaker) {
      throw new BusinessRuleError(
        'decisionMaker',
        said(
          'Beslutet saknar beslutsfattare: den som registrerade beslutet har ingen personalprofil med namn och titel. Fyll i profilen först.',
          'the decision names no decision-maker: whoever recorded it has no staff profile with name and title',
        ),
        'decisionMaker',
      );
    }
    const presenter =
      payload.presenter && payload.presenter.name !== decisionMaker.name ? payload.presenter : undefined;
    return {
      decidedAt: payload.decidedAt ?? entry.at.toISOString(),
      decisionMaker,
      ...(presenter ? { presenter } : {}),
    };
  }

  /** The replacement decision and the appointment before it: who leaves, who takes over, from when and why. */
  private async replacement(
    manager: EntityManager,
    entries: CaseHistoryEntry[],
    entry: CaseHistoryEntry,
  ): Promise<Replacement> {
    const payload = entry.payload as DecisionPayload;
    const previous = entries.filter((e) => e.version < entry.version && DECISION_TYPES.has(e.type)).at(-1)?.payload as
      DecisionPayload | undefined;
    const incoming = await this.supporter(manager, payload.supporterId);
    const outgoing = previous && (await this.supporter(manager, previous.supporterId));
    if (!incoming || !outgoing || !previous) {
      throw new BusinessRuleError(
        'supporterReplaced',
        said(
          'Bytet av umgängesstödjare kunde inte läsas ur ärendet.',
          'the replacement could not be read from the case',
        ),
        'kind',
      );
    }
    const decidedAt = payload.decidedAt ?? entry.at.toISOString();
    return {
      incoming,
      outgoing,
      reason: payload.reason ?? '',
      takesOverOn: payload.takesOverOn ?? swedishDate(new Date(decidedAt)),
      outgoingFrom: previous.decidedAt ?? decidedAt,
    };
  }
}

const DECISION_TYPES = new Set(Object.values(DECISION_EVENTS));
