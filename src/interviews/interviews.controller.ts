import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseScoped } from '../auth/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { BookInterviewDto, DeclineInterviewDto, GiveConsentDto, HoldInterviewDto, WithdrawConsentDto } from './dto/interview.dtos.js';
import { InterviewsService } from './interviews.service.js';

const UUID = new ParseUUIDPipe({ version: '4' });
const CHILD = new ParseIntPipe();

/** Child interviews, one per child, addressed by the child's place in the judgment (0 for the first). */
@ApiTags('interviews')
@CaseScoped('caseId')
@Controller('cases/:caseId/interviews')
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Get()
  @Roles('secretary')
  list(@Param('caseId', UUID) caseId: string) {
    return this.interviews.list(caseId);
  }

  @Post(':childIndex/consent')
  @Roles('secretary')
  @HttpCode(200)
  giveConsent(@Param('caseId', UUID) caseId: string, @Param('childIndex', CHILD) childIndex: number, @Body() dto: GiveConsentDto, @CurrentActor() actor: Actor) {
    return this.interviews.giveConsent(caseId, childIndex, dto, actor);
  }

  /** A guardian withdraws their consent; the record keeps that it was given and when it was withdrawn. */
  @Post(':childIndex/consent/withdrawal')
  @Roles('secretary')
  @HttpCode(200)
  withdrawConsent(@Param('caseId', UUID) caseId: string, @Param('childIndex', CHILD) childIndex: number, @Body() dto: WithdrawConsentDto) {
    return this.interviews.withdrawConsent(caseId, childIndex, dto);
  }

  @Post(':childIndex/booking')
  @Roles('secretary')
  @HttpCode(200)
  book(@Param('caseId', UUID) caseId: string, @Param('childIndex', CHILD) childIndex: number, @Body() dto: BookInterviewDto, @CurrentActor() actor: Actor) {
    return this.interviews.book(caseId, childIndex, dto, actor);
  }

  @Post(':childIndex/held')
  @Roles('secretary')
  @HttpCode(200)
  hold(@Param('caseId', UUID) caseId: string, @Param('childIndex', CHILD) childIndex: number, @Body() dto: HoldInterviewDto, @CurrentActor() actor: Actor) {
    return this.interviews.hold(caseId, childIndex, dto, actor);
  }

  @Post(':childIndex/declined')
  @Roles('secretary')
  @HttpCode(200)
  decline(@Param('caseId', UUID) caseId: string, @Param('childIndex', CHILD) childIndex: number, @Body() dto: DeclineInterviewDto, @CurrentActor() actor: Actor) {
    return this.interviews.decline(caseId, childIndex, dto, actor);
  }
}
