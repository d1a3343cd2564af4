import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CaseEffects } from '../cases/case-effects.service.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { said } from '../common/said.js';

/**
 * ARCHIVE: the file goes to the archive complete. While a held or stopped visit lacks its report,
 * archiving is refused, unless the secretary recorded why that report will never come
 * (POST /cases/:caseId/visits/:visitId/report-waiver), after which the case no longer waits for it.
 */
@Injectable()
export class ReportsSettledEffect implements OnModuleInit {
  constructor(private readonly effects: CaseEffects) {}

  onModuleInit(): void {
    this.effects.register({
      name: 'reportsSettled',
      check: (_manager, _event, context) => {
        const missing = (context.visitsAwaitingReport ?? []).length;
        if (missing > 0) {
          throw new BusinessRuleError(
            'visitReportsFiled',
            said(
              `Rapport saknas för ${missing === 1 ? 'ett umgängestillfälle' : `${missing} umgängestillfällen`}. ` +
                'Registrera rapporten, eller ange varför den aldrig kommer, innan ärendet arkiveras.',
              `${missing} held visit(s) lack a report: file it, or record why it never comes, before archiving`,
            ),
            'visitReports',
          );
        }
      },
    });
  }
}
