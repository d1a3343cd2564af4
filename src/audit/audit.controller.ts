import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { Roles } from '../common/roles.decorator.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { verdictInSwedish, verifyAuditTrail } from './audit-verification.js';
import { AuditTrail } from './audit-trail.service.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { AuditQuery } from './dto/audit-query.dto.js';
import { AuditListResponse, UnauthenticatedRefusalsResponse } from './dto/audit.responses.js';
import { AuditVerificationResponse } from './dto/audit-verification.response.js';
import { UnauthenticatedRefusals } from './unauthenticated-refusals.service.js';
import type { AuditEntry } from './audit-entry.entity.js';

function entryView(entry: AuditEntry) {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    user: { id: entry.actorId, role: entry.actorRole },
    caseId: entry.caseId,
    action: entry.action,
    resource: entry.resource,
    subject: entry.subject,
    ip: entry.ip,
    allowed: entry.allowed,
    status: entry.status,
    hash: entry.hash,
  };
}

@ApiTags('audit')
@Roles('administrator')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly trail: AuditTrail,
    private readonly unauthenticated: UnauthenticatedRefusals,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('verification')
  @Operation(
    'Verify the audit trail now: its protection, its keyed hash chain and its end against the exported head',
    'The check `npm run audit:verify` makes, with its verdict in Swedish. It reads the whole trail: seconds on a large one.',
  )
  @ApiOkResponse({ type: AuditVerificationResponse })
  async verification(): Promise<AuditVerificationResponse> {
    const verdict = await verifyAuditTrail(this.dataSource, this.config);
    return {
      intact: verdict.intact,
      entries: verdict.intact ? verdict.entries : null,
      checkedAt: this.clock.now().toISOString(),
      summary: verdictInSwedish(verdict),
      problem: verdict.intact ? null : verdict.problem,
    };
  }

  /** Requests refused for want of a valid token: counted, not written to the trail one by one. */
  @Get('unauthenticated')
  @Operation(
    'Count the requests refused for want of a valid token, per route, since this process started',
    'They read nothing, so they are counted rather than written to the trail.',
  )
  @ApiOkResponse({ type: UnauthenticatedRefusalsResponse })
  unauthenticatedRefusals(): UnauthenticatedRefusalsResponse {
    return this.unauthenticated.summary();
  }

  /** Who looked at or changed what, oldest or newest first: by case, by user, by time. */
  @Get()
  @Operation(
    'Read the audit trail: who read or changed which case’s personal data',
    'Every read and write of a case’s personal data, allowed or refused, oldest first (or `order=newest`); by case, by user, by time. The trail is append-only and hash-chained.',
  )
  @ApiOkResponse({ type: AuditListResponse })
  @ApiErrors(400)
  async list(@Query() query: AuditQuery): Promise<AuditListResponse> {
    const page = await this.trail.list(
      {
        caseId: query.caseId,
        userId: query.userId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      query.limit,
      query.offset,
      query.order,
    );
    return { items: page.items.map(entryView), total: page.total };
  }
}
