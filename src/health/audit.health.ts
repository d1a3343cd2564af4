import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AuditTrail } from '../audit/audit-trail.service.js';

/** Whether the audit trail can be appended to: down while its end is behind its exported head (entries were cut). */
@Injectable()
export class AuditHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly trail: AuditTrail,
  ) {}

  async check(key: string) {
    const check = this.indicators.check(key);
    // This answer is public: what was cut, and where the head is kept, go to the log only.
    const problem = await this.trail.haltedBecause().catch(() => 'its end cannot be read');
    return problem
      ? check.down({
          message: 'the audit trail is halted: audited requests are refused until an operator acts (see the log)',
        })
      : check.up();
  }
}
