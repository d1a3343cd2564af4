import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config.js';
import { startupFacts } from './production-checks.js';

/** One line at start saying what the process runs on (database, sign-in, key ids): never a key. */
@Injectable()
export class StartupReport implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    this.logger.log({ msg: 'configuration in force', ...startupFacts(this.config) });
  }
}
