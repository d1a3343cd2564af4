import { Injectable } from '@nestjs/common';
import type { ClientEvent } from '../../machines/case-events.js';
import type { Actor } from '../common/actor.js';
import { RepeatedRequest } from '../common/idempotency-key.js';
import { CaseCommands, type ApplyOptions } from '../cases/case-commands.service.js';
import type { RegisterCaseDto } from './dto/register-case.dto.js';
import { CaseQueries } from './case-queries.service.js';
import { caseViewFor, type CaseView } from './case-view.js';
import { CASE_DRY_RUN, type DryRunAnswer } from './dry-run.js';

/**
 * Case commands answered as the sender sees the case afterwards: the view is built inside the
 * command's transaction from the rows it wrote, so nothing is read back.
 */
@Injectable()
export class CaseAnswers {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
  ) {}

  register(dto: RegisterCaseDto, actor: Actor): Promise<CaseView> {
    // A new case has no visits and no retention yet.
    return this.commands.register(dto, actor, (manager, change) =>
      this.queries.viewWithin(manager, change.record, {
        ...change.rows,
        visits: [],
        retention: null,
        snapshot: change.snapshot,
      }),
    );
  }

  async send(
    caseId: string,
    event: ClientEvent,
    actor: Actor,
    options: ApplyOptions = {},
  ): Promise<ReturnType<typeof caseViewFor>> {
    try {
      const { change, answer } = await this.commands.applyAndAnswer(
        caseId,
        event,
        actor,
        options,
        (manager, committed) =>
          this.queries.viewWithin(manager, committed.record, { ...committed.rows, snapshot: committed.snapshot }),
      );
      // `change.actor` carries the supporter's place on the case, checked on the row the command loaded.
      return caseViewFor(change.actor, answer);
    } catch (error) {
      // Sent again with the same Idempotency-Key: nothing written, answered with the case as it is.
      if (error instanceof RepeatedRequest) return caseViewFor(error.actor, await this.queries.get(caseId));
      throw error;
    }
  }

  dryRun(caseId: string, event: ClientEvent, actor: Actor, options: ApplyOptions = {}): Promise<DryRunAnswer> {
    return this.commands.dryRun(caseId, event, actor, options, CASE_DRY_RUN);
  }
}
