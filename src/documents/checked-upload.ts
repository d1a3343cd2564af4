import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { BusinessRuleError, InvalidInputError } from '../common/domain-errors.js';
import { said } from '../common/said.js';

/** What the unit files: scanned paper (PDF or image). Each type with the extensions its files carry. */
const ACCEPTED: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/tiff': ['.tif', '.tiff'],
};

/** The part of a multipart file the checks need (multer's memory storage gives it). */
export interface IncomingFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface CheckedUpload {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * Accepts a file only when its bytes are a PDF or an image, and its name and declared type say the
 * same: a file that claims to be something it is not is refused, not stored under the wrong label.
 */
export async function checkUpload(file: IncomingFile | undefined, maxBytes: number): Promise<CheckedUpload> {
  if (!file)
    throw new InvalidInputError([
      said(
        'Skicka filen som en del med namnet ”file” i multipart/form-data.',
        'file must be sent as a multipart/form-data part named "file"',
      ),
    ]);
  if (file.size === 0) throw new InvalidInputError([said('Filen är tom.', 'file is empty')]);
  if (file.size > maxBytes) {
    throw new BusinessRuleError(
      'uploadSize',
      said(
        `Filen är ${file.size} byte, men den får vara högst ${maxBytes} byte.`,
        `file is ${file.size} bytes, the limit is ${maxBytes}`,
      ),
      'file',
    );
  }
  // Loaded at the first upload, as pdfkit is at the first letter: most processes receive no file.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(file.buffer);
  const accepted = detected ? ACCEPTED[detected.mime] : undefined;
  if (!detected || !accepted) {
    throw new BusinessRuleError(
      'uploadContentType',
      said(
        `Filen ska vara av typen ${Object.keys(ACCEPTED).join(', ')}; den är ${detected?.mime ?? 'av en okänd typ'}.`,
        `file content must be ${Object.keys(ACCEPTED).join(', ')}; it is ${detected?.mime ?? 'not recognised'}`,
      ),
      'file',
    );
  }
  const extension = extname(file.originalname).toLowerCase();
  if (extension !== '' && !accepted.includes(extension)) {
    throw new BusinessRuleError(
      'uploadExtensionMatchesContent',
      said(
        `Filen slutar på ${extension} men innehållet är ${detected.mime}.`,
        `file is named ${extension} but its content is ${detected.mime}`,
      ),
      'file',
    );
  }
  const declared = file.mimetype.toLowerCase();
  if (declared !== 'application/octet-stream' && declared !== detected.mime) {
    throw new BusinessRuleError(
      'uploadDeclaredTypeMatchesContent',
      said(
        `Filen skickades som ${declared} men innehållet är ${detected.mime}.`,
        `file was sent as ${declared} but its content is ${detected.mime}`,
      ),
      'file',
    );
  }
  return storedFile(safeFileName(file.originalname, accepted[0]), detected.mime, file.buffer);
}

/** Bytes as the case file keeps them: with their size and SHA-256, so a download can be checked. */
export function storedFile(fileName: string, contentType: string, bytes: Buffer): CheckedUpload {
  return { fileName, contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** The name as sent, without a path or characters that would break a Content-Disposition header. */
function safeFileName(original: string, fallbackExtension: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-200);
  return cleaned.replace(/^[._ ]+/, '') || `dokument${fallbackExtension}`;
}
