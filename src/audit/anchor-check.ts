import { ServiceUnavailableException } from '@nestjs/common';
import type { ChainHead, NamedHead } from './audit-chain.js';
import { said } from '../common/said.js';

/** A head exported outside the trail (the head file, PostgreSQL's head row), and what the trail holds at its sequence. */
export interface ExportedHead extends NamedHead {
  /** The hash of the trail's entry at `head.seq`; null when the trail has no such entry. */
  entryHash: string | null;
}

/**
 * Why the trail must not be appended to: its end is behind a head exported before, or its entry
 * there is another one. Appending would hide the cut: the new entries would fit the shortened
 * chain and the next export would move the head back.
 */
export function anchorProblem(tableHead: ChainHead, exported: ExportedHead[]): string | undefined {
  for (const { where, head, entryHash } of exported) {
    if (tableHead.seq < head.seq)
      return `the trail ends at entry ${tableHead.seq}, but entry ${head.seq} was exported as its head (${where}): entries were cut`;
    if (entryHash !== head.hash)
      return `the trail's entry ${head.seq} is not the one exported as its head (${where}): entries were replaced`;
  }
  return undefined;
}

/** What an operator does about it; in the log, the 503 and the health check. */
export const OPERATOR_ACTION =
  'nothing is appended until an operator checks the trail (npm run audit:verify) and accepts its end as the new ' +
  'baseline (npm run audit:accept-baseline -- --operator <name> --reason <why>; see docs/audit.md)';

/** Every audited request while the trail's end does not reach its exported head. */
export class AuditTrailHaltedError extends ServiceUnavailableException {
  constructor(readonly problem: string) {
    super(
      said(
        'Granskningsloggen är stoppad: inga ändringar tas emot förrän en driftansvarig har kontrollerat loggen ' +
          `(npm run audit:verify) och godkänt dess slut (npm run audit:accept-baseline; se docs/audit.md). Tekniskt fel: ${problem}.`,
        `the audit trail is halted: ${problem}; ${OPERATOR_ACTION}`,
      ),
    );
  }
}
