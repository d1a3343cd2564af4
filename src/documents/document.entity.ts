import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The routine's documents (seed 000), by what they are to the case. */
export const DOCUMENT_KINDS = [
  'supporterDecision',
  'summons',
  'enrollmentForm',
  'rules',
  'visitReport',
  'evaluation',
  'courtNotice',
  'reportForm',
  'documentCopies',
  'terminationDecision',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['draft', 'final', 'sent', 'received'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Where the document came from: written by the system from the case's data, uploaded, or only noted. */
export type DocumentOrigin = 'generated' | 'uploaded' | 'recorded';

/**
 * One document on a case. Immutable like every entry in a social-services record: a changed
 * document is a new one that names the one it replaces (`correctsId`), and a document is replaced
 * once (a later correction corrects the correction): the services check it under the case's lock,
 * the unique index holds it in the database.
 */
@Entity('documents')
@Index('UQ_documents_corrects', ['correctsId'], { unique: true })
export class CaseDocument {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  caseId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: DocumentKind;

  @Column({ type: 'varchar', length: 12 })
  origin!: DocumentOrigin;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** The document's own date (YYYY-MM-DD). */
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 120 })
  author!: string;

  @Column({ type: 'simple-json' })
  recipients!: string[];

  @Column({ type: 'varchar', length: 12 })
  status!: DocumentStatus;

  /** The text the document was written from, where the unit wrote one (the evaluation). */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fileName!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType!: string | null;

  @Column({ type: 'integer', nullable: true })
  size!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  correctsId!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 120 })
  createdBy!: string;
}
