import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseScoped } from '../common/case-scoped.decorator.js';
import { Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { documentContent } from './case-documents-response.js';
import type { IncomingFile } from './checked-upload.js';
import { DocumentsService } from './documents.service.js';
import { DocumentFactsDto } from './dto/document.dtos.js';
import { DocumentListForRoleResponse, DocumentResponse } from './dto/document.responses.js';

const UUID = new ParseUUIDPipe({ version: '4' });

/** A case's documents: noted, uploaded or generated, then only read. There is no route that changes one. */
@ApiTags('documents')
@CaseScoped('caseId')
@Controller('cases/:caseId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Roles('secretary', 'administrator')
  @Operation(
    'List a case’s documents, oldest first',
    'A corrected document stays, with `correctedBy` naming the one that replaced it. The administrator sees an active case’s documents without titles, authors, recipients, texts or file names.',
  )
  @ApiOkResponse({ type: DocumentListForRoleResponse })
  @ApiErrors(400)
  list(@Param('caseId', UUID) caseId: string, @CurrentActor() actor: Actor): Promise<DocumentListForRoleResponse> {
    return this.documents.list(caseId, actor.role);
  }

  @Get(':documentId/content')
  @Roles('secretary', 'administrator')
  @Operation(
    'Download a document’s bytes exactly as stored',
    'Labelled with its content type and file name; `Repr-Digest` and `ETag` carry its SHA-256 so the client can check the bytes.',
  )
  @ApiOkResponse({
    description: 'The stored bytes',
    headers: {
      'Repr-Digest': { description: 'sha-256=:<base64>: (RFC 9530)', schema: { type: 'string' } },
      ETag: { description: 'The SHA-256, hex, quoted', schema: { type: 'string' } },
      'Content-Disposition': { description: 'attachment, with the file name', schema: { type: 'string' } },
    },
    content: Object.fromEntries(
      ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'application/octet-stream'].map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  @ApiErrors(400)
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
  @Operation(
    'Note a document the unit holds elsewhere, without a file',
    'With `corrects`, it replaces an earlier document, which stays. An archived case answers 409.',
  )
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiErrors(400, 409, 422)
  record(
    @Param('caseId', UUID) caseId: string,
    @Body() dto: DocumentFactsDto,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentResponse> {
    return this.documents.record(caseId, dto, actor);
  }

  @Post('uploads')
  @Roles('secretary')
  @UseInterceptors(FileInterceptor('file'))
  @Operation(
    'Upload a PDF or image to a case',
    'Multipart: the file in the part `file`, the document facts as form fields. The content is checked by its bytes (PDF, JPEG, PNG, TIFF) and must match its name and type; its SHA-256 is stored.',
  )
  @ApiConsumes('multipart/form-data')
  @ApiExtraModels(DocumentFactsDto)
  @ApiBody({
    description: 'A PDF or image in the part "file", beside the document facts as form fields',
    schema: {
      allOf: [
        { $ref: getSchemaPath(DocumentFactsDto) },
        { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
      ],
    },
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiErrors(400, 409, 413, 422)
  upload(
    @Param('caseId', UUID) caseId: string,
    @UploadedFile() file: IncomingFile | undefined,
    @Body() dto: DocumentFactsDto,
    @CurrentActor() actor: Actor,
  ): Promise<DocumentResponse> {
    return this.documents.upload(caseId, file, dto, actor);
  }
}
