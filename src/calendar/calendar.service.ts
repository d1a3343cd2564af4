import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseRecord } from '../cases/case-record.entity.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { Clock } from '../common/clock.js';
import { NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { DeadlinesRepository } from '../deadlines/deadlines.repository.js';
import { VisitsRepository } from '../visits/visits.repository.js';
import { calendarFeed, DEADLINE_SUMMARIES, feedUid, type FeedItem } from './calendar-feed.js';
import { CalendarRepository } from './calendar.repository.js';

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
    private readonly tokens: CalendarRepository,
    private readonly cases: CasesRepository,
    private readonly deadlines: DeadlinesRepository,
    private readonly visits: VisitsRepository,
  ) {}

  /** A new feed token for the secretary; any earlier one stops working. The token is answered once, never stored. */
  issue(ownerId: string): Promise<string> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    // One statement over the owner's key: a delete and an insert let two renewals at once collide on it.
    return this.transactions.run(async (manager) => {
      await this.tokens.setToken(manager, ownerId, hashOf(token), this.clock.now());
      return token;
    });
  }

  async revoke(ownerId: string): Promise<void> {
    const removed = await this.transactions.run((manager) => this.tokens.removeToken(manager, ownerId));
    if (!removed) throw new NotFoundError('calendar token');
  }

  /** The feed the token opens, with its owner and the cases it shows; an unknown or revoked token is not found. */
  feed(token: string): Promise<{ ownerId: string; caseIds: string[]; ics: string }> {
    return this.transactions.run(async (manager) => {
      const owner = await this.tokens.byTokenHash(manager, hashOf(token));
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
    const cases = await this.cases.openOfSecretary(manager, ownerId);
    if (cases.length === 0) return [];
    const byId = new Map(cases.map((record) => [record.id, record]));
    const caseIds = [...byId.keys()];
    const deadlines = await this.deadlines.pendingOfCases(manager, caseIds);
    const plans = await this.visits.plansOfCases(manager, caseIds);
    const logged = await this.visits.loggedPlanIds(manager, caseIds);
    const meetings: FeedItem[] = cases.flatMap((record) => {
      // A case that ended before its start-up meeting was held keeps the summons in its context: no meeting is due.
      const meeting = record.state === 'startupMeeting' ? record.snapshot.context.startupMeeting : undefined;
      // Individual meetings (contactSupport@3) are not in the feed yet: only a joint one is.
      if (!meeting?.meetingAt || meeting.heldAt) return [];
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
