import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** A form field is a title, a name or a date: far below this, and nothing larger is buffered. */
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Multer for a module that takes uploads: files held in memory (they go to the database), refused
 * with 413 past UPLOAD_MAX_BYTES before they are read to the end; form fields refused past 64 KB.
 * File names sent without a charset are read as UTF-8, as browsers send them (multer's default,
 * latin1, turns "Överenskommelse.pdf" into "Ã\u0096verenskommelse.pdf").
 */
export function uploadLimits() {
  return MulterModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 40, fieldSize: MAX_FIELD_BYTES },
      defParamCharset: 'utf8',
    }),
  });
}
