import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { PageOf } from '../../common/api-docs.js';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../document.entity.js';

/** The stored file's description; its bytes come from GET …/documents/:documentId/content. */
class DocumentFile {
  @ApiProperty({ type: String, nullable: true, example: 'inskrivning.pdf' }) fileName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'application/pdf' }) contentType!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 48213, description: 'Bytes' }) size!: number | null;
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 of the bytes, hex',
  })
  sha256!: string;
}

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({
    enum: ['generated', 'uploaded', 'recorded'],
    description: 'Generated as a letter, uploaded as a file, or noted without a file',
  })
  origin!: string;
  @ApiProperty({ example: 'Inskrivningsblankett, undertecknad' }) title!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ example: 'Karin Lund' }) author!: string;
  @ApiProperty({ type: [String], example: ['Maria', 'Johan'] }) recipients!: string[];
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The text, for a letter or report written in the service' })
  body!: string | null;
  @ApiProperty({ type: DocumentFile, nullable: true, description: 'null for a document noted without a file' })
  file!: DocumentFile | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The earlier document this one corrects' })
  corrects!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The later document that corrected this one',
  })
  correctedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: 'anna' }) createdBy!: string;
}

export class DocumentListResponse extends PageOf(DocumentResponse) {}

class AdministratorDocumentFile {
  @ApiProperty({ type: String, nullable: true, example: 'application/pdf' }) contentType!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 48213, description: 'Bytes' }) size!: number | null;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;
}

/**
 * What the administrator sees of an active case's document: which there is, of what kind, from
 * when, in what state; no title, author, recipients, text or file name until the case is archived.
 */
export class AdministratorDocumentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: string;
  @ApiProperty({ enum: ['generated', 'uploaded', 'recorded'] }) origin!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: string;
  @ApiProperty({ type: AdministratorDocumentFile, nullable: true }) file!: AdministratorDocumentFile | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) corrects!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) correctedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** A case's documents in the caller's view: whole for the secretary (and for the administrator once the case is archived). */
@ApiExtraModels(DocumentResponse, AdministratorDocumentResponse)
export class DocumentListForRoleResponse {
  @ApiProperty({
    type: 'array',
    items: {
      anyOf: [{ $ref: getSchemaPath(DocumentResponse) }, { $ref: getSchemaPath(AdministratorDocumentResponse) }],
    },
    description: 'DocumentResponse, or AdministratorDocumentResponse for the administrator while the case is active',
  })
  items!: (DocumentResponse | AdministratorDocumentResponse)[];

  @ApiProperty({ example: 1 }) total!: number;
}
