import type { StopReason, VisitOutcome } from '../../machines/case-events.js';
import type { VisitTimeProblem } from '../../machines/visit-rules.js';
import { said, type Said } from '../common/said.js';
import { swedishMoment } from '../common/swedish-format.js';

/** A visit's outcome as running Swedish text says it (GLOSSARY.md). */
export const OUTCOME_WORDS: Record<VisitOutcome, string> = {
  completed: 'genomfört',
  stopped: 'avbrutet',
  cancelled: 'inställt',
  noShow: 'uteblivet',
};

/** The machine's rule for when a visit may lie, with the date it names, said in Swedish too. */
export function visitTimeWords(problem: VisitTimeProblem): Said {
  const date = /\(([^)]*)\)\s*$/.exec(problem.message)?.[1];
  const when = date ? ` (${date})` : '';
  const sv =
    problem.rule === 'visitAfterVisitsStarted'
      ? `Umgängestillfället kan inte ligga före den dag umgänget startade${when}.`
      : /before the period starts/.test(problem.message)
        ? `Umgängestillfället kan inte ligga före periodens början${when}.`
        : /ended early/.test(problem.message)
          ? `Umgängestillfället kan inte ligga efter att insatsen avslutades i förtid${when}.`
          : `Umgängestillfället kan inte ligga efter periodens sista dag${when}.`;
  return said(sv, problem.message);
}

/** Why a supporter stopped a visit, as GLOSSARY.md names the reasons. */
export const STOP_REASON_NAMES: Record<StopReason, string> = {
  visitingParentIntoxicated: 'umgängesföräldern verkade påverkad av alkohol eller droger',
  childUnwell: 'barnet mådde inte bra',
  other: 'umgänget kunde av annat skäl inte fortsätta',
};

/** The stopped-visit alert's detail: when, and why in the glossary's words; the visit's id to find it. */
export function stoppedVisitDetail(visitId: string, occurredAt: string, reason: StopReason | undefined): string {
  return `Umgängestillfället ${swedishMoment(occurredAt)} avbröts: ${STOP_REASON_NAMES[reason ?? 'other']} (umgängestillfälle ${visitId}).`;
}
