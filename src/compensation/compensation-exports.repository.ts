import { Injectable } from '@nestjs/common';
import { In, IsNull, LessThan, Not, Raw, type EntityManager } from 'typeorm';
import { dialectOf } from '../database/sql.js';
import { Visit } from '../visits/visit.entity.js';
import { CompensationExport, CompensationExportedVisit } from './compensation-export.entity.js';

/** A visit as an export pays it. */
export type PaidVisit = Pick<Visit, 'id' | 'supporterId' | 'durationMinutes' | 'occurredAt'>;

/** The advisory lock that lets one payroll export run at a time (any number, unique among the service's locks). */
const EXPORT_LOCK_KEY = 7_412_101;

const PAID_COLUMNS = { id: true, supporterId: true, durationMinutes: true, occurredAt: true } as const;

/** The payroll exports and the visits each one paid. */
@Injectable()
export class CompensationExportsRepository {
  exportOf(manager: EntityManager, month: string): Promise<CompensationExport | null> {
    return manager.findOneBy(CompensationExport, { month });
  }

  /** The visits an export paid, as they stand now. */
  async paidBy(manager: EntityManager, exportId: string): Promise<PaidVisit[]> {
    const paid = await manager.find(CompensationExportedVisit, { where: { exportId }, select: { visitId: true } });
    if (paid.length === 0) return [];
    return manager.find(Visit, { select: PAID_COLUMNS, where: { id: In(paid.map((p) => p.visitId)) } });
  }

  /** Paid visits that took place before `until` and that no export has paid yet: late ones included. */
  unpaidBefore(manager: EntityManager, outcomes: readonly string[], until: Date): Promise<PaidVisit[]> {
    return manager.find(Visit, {
      select: PAID_COLUMNS,
      where: {
        id: Raw((id) => `NOT EXISTS (SELECT 1 FROM compensation_exported_visits paid WHERE paid."visitId" = ${id})`),
        supporterId: Not(IsNull()),
        outcome: In([...outcomes]),
        occurredAt: LessThan(until),
      },
    });
  }

  /**
   * Claims the month for this export: the first to claim it makes it, and an export of the same
   * month at the same moment finds it made (its claim is ignored). Whether this one made it.
   */
  async claim(manager: EntityManager, run: CompensationExport): Promise<boolean> {
    // Exports of different months at the same moment would each pick the same late visit: one export
    // at a time (SQLite has one writer anyway), held to the transaction's end.
    if (dialectOf(manager) === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [EXPORT_LOCK_KEY]);
    await manager.createQueryBuilder(CompensationExport, 'e').insert().values(run).orIgnore().execute();
    return (await this.exportOf(manager, run.month))?.id === run.id;
  }

  /** Records what the export paid; a visit paid before makes the whole change fail (its id is the key). */
  async recordPaid(manager: EntityManager, exportId: string, visitIds: string[]): Promise<void> {
    for (let i = 0; i < visitIds.length; i += 500) {
      await manager.insert(
        CompensationExportedVisit,
        visitIds.slice(i, i + 500).map((visitId) => ({ visitId, exportId })),
      );
    }
  }
}
