import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { CaseRecord } from '../cases/case-record.entity.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { Deadline } from '../deadlines/deadline.entity.js';
import { VisitPlan } from '../visits/visit-plan.entity.js';
import { Visit } from '../visits/visit.entity.js';
import { calendarFeed, DEADLINE_SUMMARIES, feedUid, type FeedItem } from './calendar-feed.js';
import { CalendarToken } from './calendar-token.entity.js';

/** 32 random bytes: guessing a live feed URL is out of reach. */
const TOKEN_BYTES = 32;
const DEADLINE_MINUTES = 30;
const MEETING_MINUTES = 60;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** How the feed names a case: its diary number once initiated, the court's case number before. */
function caseReference(record: CaseRecord): string {
  return record.diaryNumber ?? record.courtCaseNumber;
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** A new feed token for the secretary; any earlier one stops working. The token is answered once, never stored. */
  issue(ownerId: string): Promise<string> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    // One statement over the owner's key: a delete and an insert let two renewals at once collide on it.
    return this.transactions.run(async (manager) => {
      await manager.upsert(CalendarToken, { ownerId, tokenHash: hashOf(token), createdAt: this.clock.now() }, [
        'ownerId',
      ]);
      return token;
    });
  }

  async revoke(ownerId: string): Promise<void> {
    const deleted = await this.transactions.run((manager) => manager.delete(CalendarToken, { ownerId }));
    if (!deleted.affected) throw new NotFoundError('calendar token');
  }

  /** The feed the token opens, with its owner and the cases it shows; an unknown or revoked token is not found. */
  feed(token: string): Promise<{ ownerId: string; caseIds: string[]; ics: string }> {
    return this.transactions.run(async (manager) => {
      const owner = await manager.findOneBy(CalendarToken, { tokenHash: hashOf(token) });
      if (!owner) throw new NotFoundError('calendar feed');
      const items = await this.itemsOf(manager, owner.ownerId);
      return {
        ownerId: owner.ownerId,
        caseIds: [...new Set(items.map((item) => item.caseId))],
        ics: calendarFeed(items),
      };
    });
  }

  /** The secretary's open cases' pending deadlines, unheld start-up meetings and planned visits not yet logged. */
  private async itemsOf(manager: EntityManager, ownerId: string): Promise<FeedItem[]> {
    const cases = await manager.findBy(CaseRecord, { responsibleSecretaryId: ownerId, state: Not('archived') });
    if (cases.length === 0) return [];
    const byId = new Map(cases.map((record) => [record.id, record]));
    const caseIds = [...byId.keys()];
    const deadlines = await manager.find(Deadline, {
      where: { caseId: In(caseIds), status: 'pending' },
      order: { dueAt: 'ASC' },
    });
    const plans = await manager.find(VisitPlan, { where: { caseId: In(caseIds) }, order: { plannedFor: 'ASC' } });
    const logged = new Set(
      (
        await manager.find(Visit, { select: { planId: true }, where: { caseId: In(caseIds), planId: Not(IsNull()) } })
      ).map((visit) => visit.planId),
    );
    const meetings: FeedItem[] = cases.flatMap((record) => {
      // A case that ended before its start-up meeting was held keeps the summons in its context: no meeting is due.
      const meeting = record.state === 'startupMeeting' ? record.snapshot.context.startupMeeting : undefined;
      if (!meeting || meeting.heldAt) return [];
      return [
        {
          uid: feedUid('startup-meeting', record.id),
          caseId: record.id,
          caseReference: caseReference(record),
          summary: 'Uppstartsmöte med föräldrarna',
          start: new Date(meeting.meetingAt),
          minutes: MEETING_MINUTES,
          stamp: new Date(meeting.summonsSentAt),
        },
      ];
    });
    return [
      ...deadlines.map((deadline) => ({
        uid: feedUid('deadline', deadline.id),
        caseId: deadline.caseId,
        caseReference: caseReference(byId.get(deadline.caseId)!),
        summary: DEADLINE_SUMMARIES[deadline.kind],
        start: deadline.dueAt,
        minutes: DEADLINE_MINUTES,
        stamp: deadline.createdAt,
      })),
      ...meetings,
      ...plans
        .filter((plan) => !logged.has(plan.id))
        .map((plan) => ({
          uid: feedUid('visit-plan', plan.id),
          caseId: plan.caseId,
          caseReference: caseReference(byId.get(plan.caseId)!),
          summary: 'Planerat umgängesbesök',
          start: plan.plannedFor,
          minutes: MEETING_MINUTES,
          stamp: plan.createdAt,
        })),
    ];
  }
}
