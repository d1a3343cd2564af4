import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { BusinessRuleError, InvalidInputError } from '../common/domain-errors.js';

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
  if (!file) throw new InvalidInputError(['file must be sent as a multipart/form-data part named "file"']);
  if (file.size === 0) throw new InvalidInputError(['file is empty']);
  if (file.size > maxBytes) {
    throw new BusinessRuleError('uploadSize', `file is ${file.size} bytes, the limit is ${maxBytes}`, 'file');
  }
  const detected = await fileTypeFromBuffer(file.buffer);
  const accepted = detected ? ACCEPTED[detected.mime] : undefined;
  if (!detected || !accepted) {
    throw new BusinessRuleError(
      'uploadContentType',
      `file content must be ${Object.keys(ACCEPTED).join(', ')}; it is ${detected?.mime ?? 'not recognised'}`,
      'file',
    );
  }
  const extension = extname(file.originalname).toLowerCase();
  if (extension !== '' && !accepted.includes(extension)) {
    throw new BusinessRuleError(
      'uploadExtensionMatchesContent',
      `file is named ${extension} but its content is ${detected.mime}`,
      'file',
    );
  }
  const declared = file.mimetype.toLowerCase();
  if (declared !== 'application/octet-stream' && declared !== detected.mime) {
    throw new BusinessRuleError(
      'uploadDeclaredTypeMatchesContent',
      `file was sent as ${declared} but its content is ${detected.mime}`,
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
