import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import { CompensationQuery } from '../compensation/dto/compensation.query.js';
import {
  AssignmentListResponse,
  MyCompensationResponse,
  MyVisitPlanListResponse,
} from './dto/my-assignments.responses.js';
import { MyAssignmentsService } from './my-assignments.service.js';

/** The signed-in supporter's own pages ("Mina uppdrag", "Min ersättning"). */
@ApiTags('supporters')
@Roles('supporter')
@Controller('supporters/me')
export class MyAssignmentsController {
  constructor(private readonly mine: MyAssignmentsService) {}

  @Get('assignments')
  @Operation(
    'List your own assignments',
    'The cases you are the supporter of now: period, state and the children’s first names.',
  )
  @ApiOkResponse({ type: AssignmentListResponse })
  @ApiErrors(400)
  assignments(@CurrentActor() actor: Actor): Promise<AssignmentListResponse> {
    return this.mine.assignments(supporterOf(actor));
  }

  @Get('visit-plans')
  @Operation('List the visits planned with you', 'Time and place of each visit not yet logged, on your open cases.')
  @ApiOkResponse({ type: MyVisitPlanListResponse })
  @ApiErrors(400)
  visitPlans(@CurrentActor() actor: Actor): Promise<MyVisitPlanListResponse> {
    return this.mine.visitPlans(supporterOf(actor));
  }

  @Get('compensation')
  @Operation('Your own compensation for a month', 'Visits, hours and the amount in SEK at the configured rates.')
  @ApiOkResponse({ type: MyCompensationResponse })
  @ApiErrors(400)
  compensation(@Query() query: CompensationQuery, @CurrentActor() actor: Actor): Promise<MyCompensationResponse> {
    return this.mine.compensation(supporterOf(actor), query.month);
  }
}

function supporterOf(actor: Actor): string {
  if (!actor.supporterId) throw new ForbiddenException('Inloggningen hör inte till någon umgängesstödjare.');
  return actor.supporterId;
}
