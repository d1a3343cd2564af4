import type { DeadlineKind } from '../../machines/deadline-rules.js';
import { ALERT_MESSAGES } from '../alerts/alert-kinds.js';

/** A deadline as the secretary names it: the law's clock, or the reminder it raises. */
export function deadlineWords(kind: DeadlineKind): string {
  if (kind === 'midpoint') return 'halvtid';
  if (kind === 'periodEnd') return 'periodens slut';
  const words = ALERT_MESSAGES[kind];
  return `påminnelsen ”${words.charAt(0).toLocaleLowerCase('sv')}${words.slice(1)}”`;
}
