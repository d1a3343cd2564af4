import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from './app-config.js';
import { secureDataDir } from './data-dir.js';
import { StartupReport } from './startup-report.js';

/** The validated configuration and the clock, available everywhere; the data directory made private first. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    secureDataDir(config);
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: Clock, useClass: SystemClock }, StartupReport],
      exports: [APP_CONFIG, Clock],
    };
  }
}
