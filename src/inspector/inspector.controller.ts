import { Controller, Get, Inject, Param, ParseUUIDPipe, Res, Sse, type MessageEvent } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { CURRENT_MACHINE_VERSION, machineFor } from '../../machines/registry.js';
import { Public, Roles } from '../common/roles.decorator.js';
import { ApiErrors, Operation } from '../common/api-docs.js';
import { CaseFlowResponse, MachineGraphResponse, StateCountsResponse } from './dto/inspector.responses.js';
import { sendPageAsset } from '../common/page-files.js';
import { InspectionFeed } from './inspection-feed.service.js';
import { INSPECTOR_ASSETS, type InspectorAssets } from './inspector-assets.js';
import { InspectorQueries } from './inspector-queries.service.js';
import { machineGraph } from './machine-graph.js';

/** The case-flow inspector: its page, the page's files, and the JSON and event stream it reads (developers only). */
@ApiTags('inspector')
@Roles('developer')
@Controller('inspector')
export class InspectorController {
  private readonly graph = { version: CURRENT_MACHINE_VERSION, ...machineGraph(machineFor(CURRENT_MACHINE_VERSION)) };

  constructor(
    @Inject(INSPECTOR_ASSETS) private readonly files: InspectorAssets,
    private readonly queries: InspectorQueries,
    private readonly feed: InspectionFeed,
  ) {}

  /** The page and its files are code from this repository, no data: open, so a browser can load them before it has a token. */
  @Get()
  @Public()
  @ApiExcludeEndpoint()
  page(@Res() res: Response): void {
    res.sendFile(this.files.page);
  }

  @Get('assets/:file')
  @Public()
  @ApiExcludeEndpoint()
  asset(@Param('file') file: string, @Res() res: Response): void {
    sendPageAsset(res, this.files, file);
  }

  /** The machine's states and transitions, read from its definition. */
  @Get('api/machine')
  @Operation('Read the case machine’s states and transitions')
  @ApiOkResponse({ type: MachineGraphResponse })
  machine(): MachineGraphResponse {
    return this.graph;
  }

  @Get('api/counts')
  @Operation('Count the cases in each state')
  @ApiOkResponse({ type: StateCountsResponse })
  async counts(): Promise<StateCountsResponse> {
    return { items: await this.queries.counts() };
  }

  @Get('api/cases/:id')
  @Operation(
    'Follow a case’s path through the machine',
    'Its states with times, its pending deadlines and the events it may take; no personal data and no event payloads.',
  )
  @ApiOkResponse({ type: CaseFlowResponse })
  @ApiErrors(400, 404)
  caseFlow(@Param('id', new ParseUUIDPipe()) id: string): Promise<CaseFlowResponse> {
    return this.queries.caseFlow(id);
  }

  /** Server-sent events: one per XState inspection event of a committed transition. */
  @Sse('api/stream')
  @Operation(
    'Stream the inspection events of every committed transition',
    'Server-sent events, one per XState inspection event (`@xstate.actor`, `@xstate.event`, `@xstate.snapshot`).',
  )
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'An endless event stream',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  stream(): Observable<MessageEvent> {
    return this.feed.messages.pipe(map((message) => ({ data: message })));
  }
}
