import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPORTED_OUTCOMES } from '../../machines/case-events.js';
import { addDays } from '../../machines/period.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { CaseCommands } from '../cases/case-commands.service.js';
import { DeadlinesRepository } from '../deadlines/deadlines.repository.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { swedishDate } from '../common/swedish-date.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { requireCase, requireWritableCase } from '../cases/case-file.js';
import { requireWithinOwnAppointment } from '../cases/case-reach.js';
import { checkUpload, type CheckedUpload, type IncomingFile } from '../documents/checked-upload.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { ScannedReportDto, TextReportDto, WaiveReportDto } from './dto/visit.dtos.js';
import { reportViews } from './visit-report-rules.js';
import { VisitReport, type ReportForm } from './visit-report.entity.js';
import { said } from '../common/said.js';
import { keyUsedElsewhere, RepeatedRequest } from '../common/idempotency-key.js';
import type { Visit } from './visit.entity.js';
import { VisitsRepository } from './visits.repository.js';

const deadlines = new DeadlinesRepository();

interface Filing {
  form: ReportForm;
  text: string | null;
  upload: CheckedUpload | null;
  author: string;
  corrects?: string;
  /** The device's Idempotency-Key: a report filed with it already is answered, not filed again. */
  idempotencyKey?: string;
}

interface CheckedFiling {
  visit: Visit;
  corrected: VisitReport | null;
  /** No report on the visit yet, and this one corrects none. */
  first: boolean;
}

type ReportView = ReturnType<typeof reportViews>[number];

/**
 * Visit reports: the supporter's text or the secretary's scan, filed to the child's record as a
 * document too. Nothing here edits or removes a report; a correction is a new one pointing back.
 */
@Injectable()
export class VisitReportsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly commands: CaseCommands,
    private readonly alerts: AlertsService,
    private readonly visits: VisitsRepository,
  ) {}

  fileText(caseId: string, visitId: string, dto: TextReportDto, actor: Actor, idempotencyKey?: string) {
    return this.file(
      caseId,
      visitId,
      { form: 'text', text: dto.text, upload: null, author: actor.id, corrects: dto.corrects, idempotencyKey },
      actor,
    );
  }

  async fileScan(
    caseId: string,
    visitId: string,
    file: IncomingFile | undefined,
    dto: ScannedReportDto,
    actor: Actor,
    idempotencyKey?: string,
  ) {
    if (actor.role === 'supporter' && dto.author !== undefined) {
      throw new BusinessRuleError(
        'supporterFilesOwnReport',
        said(
          'En umgängesstödjare skickar in sin egen rapport: lämna fältet author tomt.',
          'a supporter files their own report: leave author out',
        ),
        'author',
      );
    }
    const upload = await checkUpload(file, this.config.uploadMaxBytes);
    return this.file(
      caseId,
      visitId,
      { form: 'scan', text: null, upload, author: dto.author ?? actor.id, corrects: dto.corrects, idempotencyKey },
      actor,
    );
  }

  /**
   * The secretary records why a held visit's report will never come (the supporter left, the paper
   * was lost): the case stops waiting for it, the reason stays in its history (VISIT_REPORT_FILED
   * with `waivedReason`), and the reminder's alert ends as waived, not as resolved.
   */
  async waive(caseId: string, visitId: string, dto: WaiveReportDto, actor: Actor) {
    const visit = await this.transactions.run(async (manager) => {
      const record = await requireWritableCase(manager, caseId);
      const found = await this.visitFor(manager, caseId, visitId, actor);
      const awaited = (record.snapshot.context.visitsAwaitingReport ?? []).some(
        (at) => Date.parse(at) === found.occurredAt.getTime(),
      );
      if (!awaited || (await this.visits.hasReport(manager, visitId))) {
        throw new BusinessRuleError(
          'reportAwaited',
          said(
            'Ärendet väntar inte på någon rapport för det här umgängestillfället.',
            'the case awaits no report for this visit',
          ),
          'visitId',
        );
      }
      return found;
    });
    const occurredAt = visit.occurredAt.toISOString();
    const reminderDue = new Date(addDays(occurredAt, this.config.reminderDelays.visitReportMissing));
    await this.commands.apply(caseId, { type: 'VISIT_REPORT_FILED', occurredAt, waivedReason: dto.reason }, actor, {
      alsoWithin: async (manager, change) => {
        const reminders = (await deadlines.ofCase(manager, caseId)).filter(
          (d) => d.kind === 'visitReportMissing' && d.dueAt.getTime() === reminderDue.getTime(),
        );
        await this.alerts.waiveWithin(
          manager,
          reminders.map((r) => r.id),
          change.now,
        );
      },
    });
    return { visitId, occurredAt, waivedReason: dto.reason };
  }

  list(caseId: string, visitId: string, actor: Actor) {
    return this.transactions.run(async (manager) => {
      await requireCase(manager, caseId);
      await this.visitFor(manager, caseId, visitId, actor);
      const reports = await this.visits.reportsOfVisit(manager, visitId);
      return { items: reportViews(reports), total: reports.length };
    });
  }

  /** Held or stopped visits with no report yet, oldest first: what the secretary still waits for. */
  async missing(limit: number, offset: number) {
    const [visits, total] = await this.transactions.run((manager) =>
      this.visits.unreported(manager, REPORTED_OUTCOMES, limit, offset),
    );
    return {
      items: visits.map((v) => ({
        caseId: v.caseId,
        visitId: v.id,
        occurredAt: v.occurredAt.toISOString(),
        outcome: v.outcome,
        supporterId: v.supporterId,
      })),
      total,
    };
  }

  /**
   * The first report on a visit also tells the case it no longer waits for one (which cancels the
   * reminder and resolves its alert), in the same transaction; later reports and corrections do not.
   * A report sent again with its Idempotency-Key is answered as filed the first time, and not filed again.
   */
  private async file(caseId: string, visitId: string, filing: Filing, actor: Actor): Promise<ReportView> {
    try {
      return await this.fileOnce(caseId, visitId, filing, actor);
    } catch (error) {
      // Found filed inside the transaction, or filed by a twin sent at the same moment (whose key refused ours).
      const key = filing.idempotencyKey;
      const earlier = key ? await this.transactions.read((manager) => this.visits.reportWithKey(manager, key)) : null;
      if (earlier?.visitId === visitId) return reportViews([earlier])[0];
      throw error;
    }
  }

  private async fileOnce(caseId: string, visitId: string, filing: Filing, actor: Actor): Promise<ReportView> {
    const { visit, first } = await this.transactions.run((manager) =>
      this.checkFiling(manager, caseId, visitId, filing, actor),
    );
    // Checked again inside the writing transaction: the case may have been archived in between.
    const fileWithin = async (manager: EntityManager) =>
      this.recordWithin(
        manager,
        caseId,
        await this.checkFiling(manager, caseId, visitId, filing, actor),
        filing,
        actor,
      );
    if (!first) return this.transactions.run(fileWithin);
    let filed: ReportView | undefined;
    const event = { type: 'VISIT_REPORT_FILED' as const, occurredAt: visit.occurredAt.toISOString() };
    await this.commands.apply(caseId, event, actor, {
      alsoWithin: async (manager) => {
        filed = await fileWithin(manager);
      },
    });
    return filed!;
  }

  private async checkFiling(
    manager: EntityManager,
    caseId: string,
    visitId: string,
    filing: Filing,
    actor: Actor,
  ): Promise<CheckedFiling> {
    await requireWritableCase(manager, caseId);
    const visit = await this.visitFor(manager, caseId, visitId, actor);
    const earlier = filing.idempotencyKey ? await this.visits.reportWithKey(manager, filing.idempotencyKey) : null;
    if (earlier) throw earlier.visitId === visitId ? new RepeatedRequest(actor) : keyUsedElsewhere();
    const corrected = filing.corrects ? await this.correctable(manager, visitId, filing.corrects) : null;
    // A short report on a visit that did not take place is welcome, but the case never waited for it.
    const first =
      REPORTED_OUTCOMES.includes(visit.outcome) && !corrected && !(await this.visits.hasReport(manager, visitId));
    return { visit, corrected, first };
  }

  private async recordWithin(
    manager: EntityManager,
    caseId: string,
    checked: CheckedFiling,
    filing: Filing,
    actor: Actor,
  ): Promise<ReportView> {
    const { visit, corrected } = checked;
    const now = this.clock.now();
    const facts = {
      kind: 'visitReport' as const,
      title: `Umgängesstöd, rapport ${swedishDate(visit.occurredAt)}${corrected ? ' (rättelse)' : ''}`,
      date: swedishDate(now),
      author: filing.author,
      recipients: [],
      status: 'received' as const,
      correctsId: corrected?.documentId ?? null,
      body: filing.text ?? undefined,
    };
    const document = filing.upload
      ? await this.documents.storeUploadWithin(manager, caseId, facts, filing.upload, actor)
      : await this.documents.recordWithin(manager, caseId, facts, actor);
    const report = Object.assign(new VisitReport(), {
      id: randomUUID(),
      caseId,
      visitId: visit.id,
      form: filing.form,
      text: filing.text,
      documentId: document.id,
      correctsId: corrected?.id ?? null,
      filedAt: now,
      filedBy: actor.id,
      filedByRole: actor.role,
      idempotencyKey: filing.idempotencyKey ?? null,
    });
    await this.visits.insertReport(manager, report);
    return reportViews([report])[0];
  }

  /** A supporter reaches only the visits they were the supporter on; to them any other does not exist. */
  private async visitFor(manager: EntityManager, caseId: string, visitId: string, actor: Actor): Promise<Visit> {
    const visit = await this.visits.visitOfCase(manager, caseId, visitId);
    if (!visit || (actor.role === 'supporter' && visit.supporterId !== actor.supporterId))
      throw new NotFoundError('visit');
    requireWithinOwnAppointment(actor, visit.occurredAt, 'visitId');
    return visit;
  }

  private async correctable(manager: EntityManager, visitId: string, reportId: string): Promise<VisitReport> {
    const report = await this.visits.reportOfVisit(manager, visitId, reportId);
    if (!report) throw new NotFoundError('report to correct');
    if (await this.visits.reportCorrected(manager, reportId)) {
      throw new BusinessRuleError(
        'correctLatest',
        said(
          'Rapporten är redan rättad: rätta den senaste versionen i stället.',
          'that report was already corrected: correct the latest entry instead',
        ),
        'corrects',
      );
    }
    return report;
  }
}
