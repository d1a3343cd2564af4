import type { Response } from 'express';
import type { CaseDocument } from './document.entity.js';

/** Sends a document's bytes untouched, labelled so the client can check them (RFC 9530 digest). */
export function sendDocumentContent(res: Response, document: CaseDocument, bytes: Buffer): void {
  res.setHeader('Content-Type', document.contentType ?? 'application/octet-stream');
  res.setHeader('Content-Length', String(bytes.length));
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName ?? 'dokument')}`);
  res.setHeader('ETag', `"${document.sha256}"`);
  res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256!, 'hex').toString('base64')}:`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(bytes);
}
