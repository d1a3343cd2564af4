import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CaseScoped } from '../common/case-scoped.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import {
  BookInterviewDto,
  DeclineInterviewDto,
  GiveConsentDto,
  HoldInterviewDto,
  WithdrawConsentDto,
} from './dto/interview.dtos.js';
import { InterviewListResponse, InterviewResponse } from './dto/interview.responses.js';
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
  @Operation('List the children’s interviews, one per child in the judgment’s order')
  @ApiOkResponse({ type: InterviewListResponse })
  @ApiErrors(400)
  list(@Param('caseId', UUID) caseId: string): Promise<InterviewListResponse> {
    return this.interviews.list(caseId);
  }

  @Post(':childIndex/consent')
  @Roles('secretary')
  @HttpCode(200)
  @Operation('Record the consent to interview a child', 'Recorded once per child (422 `consentOnce` after that).')
  @ApiOkResponse({ type: InterviewResponse })
  @ApiErrors(400, 409, 422)
  giveConsent(
    @Param('caseId', UUID) caseId: string,
    @Param('childIndex', CHILD) childIndex: number,
    @Body() dto: GiveConsentDto,
    @CurrentActor() actor: Actor,
  ): Promise<InterviewResponse> {
    return this.interviews.giveConsent(caseId, childIndex, dto, actor);
  }

  /** A guardian withdraws their consent; the record keeps that it was given and when it was withdrawn. */
  @Post(':childIndex/consent/withdrawal')
  @Roles('secretary')
  @HttpCode(200)
  @Operation(
    'Record that a guardian withdrew their consent',
    'Only a standing consent (422 `consentStanding`), on or after the day it was given (422 `withdrawnAfterGiven`).',
  )
  @ApiOkResponse({ type: InterviewResponse })
  @ApiErrors(400, 409, 422)
  withdrawConsent(
    @Param('caseId', UUID) caseId: string,
    @Param('childIndex', CHILD) childIndex: number,
    @Body() dto: WithdrawConsentDto,
  ): Promise<InterviewResponse> {
    return this.interviews.withdrawConsent(caseId, childIndex, dto);
  }

  @Post(':childIndex/booking')
  @Roles('secretary')
  @HttpCode(200)
  @Operation(
    'Book a child’s interview',
    'Only for a child whose consent was given (422 `childInterviewOrder` otherwise).',
  )
  @ApiOkResponse({ type: InterviewResponse })
  @ApiErrors(400, 409, 422)
  book(
    @Param('caseId', UUID) caseId: string,
    @Param('childIndex', CHILD) childIndex: number,
    @Body() dto: BookInterviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<InterviewResponse> {
    return this.interviews.book(caseId, childIndex, dto, actor);
  }

  @Post(':childIndex/held')
  @Roles('secretary')
  @HttpCode(200)
  @Operation(
    'Record a child’s interview as held, with its notes',
    'Only after it was booked (422 `childInterviewOrder` otherwise).',
  )
  @ApiOkResponse({ type: InterviewResponse })
  @ApiErrors(400, 409, 422)
  hold(
    @Param('caseId', UUID) caseId: string,
    @Param('childIndex', CHILD) childIndex: number,
    @Body() dto: HoldInterviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<InterviewResponse> {
    return this.interviews.hold(caseId, childIndex, dto, actor);
  }

  @Post(':childIndex/declined')
  @Roles('secretary')
  @HttpCode(200)
  @Operation('Record that a child declined the interview', 'Not after it was held (422 `childInterviewOrder`).')
  @ApiOkResponse({ type: InterviewResponse })
  @ApiErrors(400, 409, 422)
  decline(
    @Param('caseId', UUID) caseId: string,
    @Param('childIndex', CHILD) childIndex: number,
    @Body() dto: DeclineInterviewDto,
    @CurrentActor() actor: Actor,
  ): Promise<InterviewResponse> {
    return this.interviews.decline(caseId, childIndex, dto, actor);
  }
}
