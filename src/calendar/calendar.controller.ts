import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { Public, Roles } from '../common/roles.decorator.js';
import type { Actor } from '../common/actor.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CurrentActor } from '../common/current-actor.decorator.js';
import { NotFoundError } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CalendarService } from './calendar.service.js';
import { CalendarTokenResponse } from './dto/calendar.responses.js';

const FEED_PATH = 'calendar/feeds';

/** The secretary's calendar feed: the token that opens it, and the feed itself. */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly trail: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the secretary's feed URL, or renews it (the old one stops working). The URL is shown this once. */
  @Post('staff/me/calendar-token')
  @Roles('secretary')
  @Operation(
    'Create or renew your calendar feed’s address',
    'The address is shown this once; renewing it stops the old one.',
  )
  @ApiCreatedResponse({ type: CalendarTokenResponse })
  async issue(@CurrentActor() actor: Actor): Promise<CalendarTokenResponse> {
    const token = await this.calendar.issue(actor.id);
    // From the configured address, never the request's Host header, which the caller chooses.
    return { url: `${this.config.notifications.publicBaseUrl}/${FEED_PATH}/${token}.ics` };
  }

  @Delete('staff/me/calendar-token')
  @Roles('secretary')
  @HttpCode(204)
  @Operation('Stop your calendar feed', 'Its address stops working at once; 404 when you have none.')
  @ApiNoContentResponse({ description: 'The feed is stopped' })
  @ApiErrors(404)
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.calendar.revoke(actor.id);
  }

  /**
   * Calendar clients send no bearer token: the long random token in the URL is the key. Open to
   * the network, so its reads are audited here, in the owner's name.
   */
  @Get(`${FEED_PATH}/:file`)
  @Public()
  @Operation(
    'Read a secretary’s calendar feed (iCalendar)',
    'For calendar apps, which send no bearer token: the long random token in `{file}` (`<token>.ics`) is the key. Every read is audited in the owner’s name.',
  )
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'The deadlines and meetings of the owner’s cases',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrors(404)
  async feed(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new NotFoundError('calendar feed');
    const { ownerId, caseIds, ics } = await this.calendar.feed(token);
    const entry = {
      actorId: ownerId,
      actorRole: 'secretary',
      subject: `calendarFeed:${ownerId}`,
      action: 'read' as const,
      resource: `GET /${FEED_PATH}/:file`,
      ip: req.ip ?? null,
      allowed: true,
      status: 200,
    };
    // One entry per case the feed shows, as for every list; a feed showing none still leaves one.
    await this.trail.record(
      caseIds.length === 0 ? { ...entry, caseId: null } : caseIds.map((caseId) => ({ ...entry, caseId })),
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.type('text/calendar; charset=utf-8').send(ics);
  }
}
