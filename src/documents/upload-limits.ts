import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Multer for a module that takes uploads: files held in memory (they go to the database), refused
 * with 413 past UPLOAD_MAX_BYTES before they are read to the end.
 */
export function uploadLimits() {
  return MulterModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({ limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 40 } }),
  });
}
