import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseScoped } from '../auth/case-scoped.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { documentContent } from './case-documents-response.js';
import type { IncomingFile } from './checked-upload.js';
import { DocumentsService } from './documents.service.js';
import { DocumentFactsDto, GenerateLetterDto } from './dto/document.dtos.js';

const UUID = new ParseUUIDPipe({ version: '4' });

/** A case's documents: noted, uploaded or generated, then only read. There is no route that changes one. */
@ApiTags('documents')
@CaseScoped('caseId')
@Controller('cases/:caseId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Roles('secretary', 'administrator')
  list(@Param('caseId', UUID) caseId: string, @CurrentActor() actor: Actor) {
    return this.documents.list(caseId, actor.role);
  }

  @Get(':documentId/content')
  @Roles('secretary', 'administrator')
  async content(
    @Param('caseId', UUID) caseId: string,
    @Param('documentId', UUID) documentId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { document, bytes } = await this.documents.content(caseId, documentId, actor.role);
    return documentContent(res, document, bytes);
  }

  @Post()
  @Roles('secretary')
  record(@Param('caseId', UUID) caseId: string, @Body() dto: DocumentFactsDto, @CurrentActor() actor: Actor) {
    return this.documents.record(caseId, dto, actor);
  }

  @Post('uploads')
  @Roles('secretary')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ description: 'A PDF or image in the part "file", beside the document facts as form fields' })
  upload(
    @Param('caseId', UUID) caseId: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() dto: DocumentFactsDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.documents.upload(caseId, file, dto, actor);
  }

  @Post('letters')
  @Roles('secretary')
  generate(@Param('caseId', UUID) caseId: string, @Body() dto: GenerateLetterDto, @CurrentActor() actor: Actor) {
    return this.documents.generate(caseId, dto, actor);
  }
}
