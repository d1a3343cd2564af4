import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './common/validation.js';

/** What every HTTP entry point (the service, the tests, the benchmark) sets up the same way. */
export function configureHttpApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Umgängesstöd')
      .setDescription('Court-ordered contact support (FB 6:15 c): cases from judgment to archive')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
