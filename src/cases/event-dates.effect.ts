import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { CaseContext } from '../../machines/case-context.js';
import { said } from '../common/said.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { CaseEffects, type ChangeEvent } from './case-effects.service.js';
import {
  checkDecisionDate,
  checkHeldMeeting,
  dayOf,
  requireNotBefore,
  requireNotBeforeDay,
  requireNotInFuture,
} from './case-date-rules.js';

type Dated = ChangeEvent<
  | 'APPOINT_SUPPORTER'
  | 'REPLACE_SUPPORTER'
  | 'SEND_SUMMONS'
  | 'BOOK_MEETING'
  | 'HOLD_STARTUP_MEETING'
  | 'START_VISITS'
  | 'HOLD_FOLLOW_UP'
  | 'HOLD_CLOSING_MEETING'
  | 'SUBMIT_EVALUATION'
  | 'ARCHIVE'
  | 'END_EARLY'
>;

/**
 * A summons (to the start-up meeting, or a booked follow-up or closing meeting): sent on a day that
 * has come, not before the supporter was appointed, for meetings after that day.
 */
function checkSummonsDates(event: ChangeEvent<'SEND_SUMMONS' | 'BOOK_MEETING'>, context: CaseContext, now: Date): void {
  const sentOn = event.sentOn ?? dayOf(event.at);
  requireNotInFuture('sentOn', sentOn, now, 'summonsSentNotInFuture', 'Dagen kallelsen skickades');
  if (context.supporter) {
    requireNotBeforeDay(
      'sentOn',
      sentOn,
      context.supporter.decidedAt,
      'summonsAfterAppointment',
      (day) => `Kallelsen kan inte ha skickats före beslutet om umgängesstödjare (${day}).`,
    );
  }
  const meetings: [string, string | undefined][] = [
    ['meetingAt', event.meetingAt],
    ...(event.individualMeetings ?? []).map((m, i): [string, string] => [
      `individualMeetings.${i}.meetingAt`,
      m.meetingAt,
    ]),
  ];
  for (const [field, at] of meetings) {
    if (at !== undefined && dayOf(at) <= sentOn) {
      throw new BusinessRuleError(
        'meetingAfterSummons',
        said(
          'Mötet ska ligga efter den dag kallelsen skickades.',
          'the meeting must lie after the day the summons was sent',
        ),
        field,
      );
    }
  }
}

/** Each event's dates against the case and the clock (see case-date-rules.ts). */
function checkDates(event: Dated, context: CaseContext, now: Date): void {
  switch (event.type) {
    case 'APPOINT_SUPPORTER':
      return checkDecisionDate('decidedAt', event.decidedAt, context, now);
    case 'REPLACE_SUPPORTER':
      checkDecisionDate('decidedAt', event.decidedAt, context, now);
      if (context.supporter) {
        requireNotBefore(
          'decidedAt',
          event.decidedAt,
          context.supporter.decidedAt,
          'replacementAfterAppointment',
          (day) => `Den nya umgängesstödjaren kan inte utses före beslutet om den förra (${day}).`,
        );
      }
      return;
    case 'SEND_SUMMONS':
    case 'BOOK_MEETING':
      return checkSummonsDates(event, context, now);
    case 'HOLD_STARTUP_MEETING':
    case 'HOLD_FOLLOW_UP':
    case 'HOLD_CLOSING_MEETING':
      return checkHeldMeeting('heldAt', event.heldAt, context, now);
    case 'START_VISITS':
      requireNotInFuture(
        'documentCopiesSentAt',
        event.documentCopiesSentAt,
        now,
        'copiesSentNotInFuture',
        'Dagen kopiorna skickades',
      );
      if (context.startupMeeting?.heldAt) {
        requireNotBeforeDay(
          'documentCopiesSentAt',
          event.documentCopiesSentAt,
          context.startupMeeting.heldAt,
          'copiesAfterStartupMeeting',
          (day) => `Kopiorna kan inte ha skickats före uppstartsmötet (${day}).`,
        );
      }
      return;
    case 'SUBMIT_EVALUATION':
      requireNotInFuture(
        'sentToCourtAt',
        event.sentToCourtAt,
        now,
        'evaluationSentNotInFuture',
        'Dagen utvärderingen skickades',
      );
      if (context.closing?.meetingHeldAt) {
        requireNotBeforeDay(
          'sentToCourtAt',
          event.sentToCourtAt,
          context.closing.meetingHeldAt,
          'evaluationAfterClosingMeeting',
          (day) => `Utvärderingen kan inte ha skickats före avslutningsmötet (${day}).`,
        );
      }
      return;
    case 'ARCHIVE':
      return checkDecisionDate('terminationDecidedAt', event.terminationDecidedAt, context, now);
    case 'END_EARLY':
      requireNotInFuture(
        'endedOn',
        event.endedOn ?? dayOf(event.at),
        now,
        'endedOnNotInFuture',
        'Dagen insatsen avslutades',
      );
      requireNotBeforeDay(
        'endedOn',
        event.endedOn ?? dayOf(event.at),
        context.judgment.judgmentDate,
        'endedOnAfterJudgment',
        (day) => `Insatsen kan inte ha avslutats före domen (${day}).`,
      );
      return;
  }
}

/** Every dated event is checked before the machine's decision is written. */
@Injectable()
export class EventDatesEffect implements OnModuleInit {
  constructor(private readonly effects: CaseEffects) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'eventDates',
      // A summons records the day it went out; secretaries often record it days later, so today is only the default.
      prepare: (_manager, event) => {
        if ((event.type === 'SEND_SUMMONS' || event.type === 'BOOK_MEETING') && event.sentOn === undefined)
          return Promise.resolve({ ...event, sentOn: dayOf(event.at) });
        if (event.type === 'END_EARLY' && event.endedOn === undefined)
          return Promise.resolve({ ...event, endedOn: dayOf(event.at) });
        return Promise.resolve(event);
      },
      check: (_manager, event, context, now) => checkDates(event, context, now),
    });
  }
}
