import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CaseScoped } from '../common/case-scoped.decorator.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import { DocumentListResponse } from '../documents/dto/document.responses.js';
import { GenerateLetterDto } from './dto/letter.dtos.js';
import { LettersService } from './letters.service.js';

/** The routine's letters: written among the case's documents, so under the documents' path. */
@ApiTags('documents')
@CaseScoped('caseId')
@Controller('cases/:caseId/documents')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Post('letters')
  @Roles('secretary')
  @Operation(
    'Write one of the routine’s letters as Swedish PDFs kept on the case, one per recipient',
    'The supporter decision, the summons to the start-up meeting, or the evaluation for the court (which needs `text`), from the case’s own data. Answers the documents written.',
  )
  @ApiCreatedResponse({ type: DocumentListResponse })
  @ApiErrors(400, 409, 422)
  generate(
    @Param('caseId', new ParseUUIDPipe({ version: '4' })) caseId: string,
    @Body() dto: GenerateLetterDto,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentListResponse> {
    return this.letters.generate(caseId, dto, actor);
  }
}
