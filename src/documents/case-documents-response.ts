import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { CaseDocument } from './document.entity.js';

/**
 * A document's bytes, untouched, labelled so the client can check them (RFC 9530 digest). Handed
 * back to Nest rather than written here, so the audit entry is written before a byte leaves.
 */
export function documentContent(res: Response, document: CaseDocument, bytes: Buffer): StreamableFile {
  res.setHeader('ETag', `"${document.sha256}"`);
  res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256!, 'hex').toString('base64')}:`);
  return new StreamableFile(bytes, {
    type: document.contentType ?? 'application/octet-stream',
    length: bytes.length,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName ?? 'dokument')}`,
  });
}
