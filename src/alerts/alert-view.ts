import { ALERT_MESSAGES } from './alert-kinds.js';
import type { Alert } from './alert.entity.js';

export function alertView(alert: Alert) {
  return {
    id: alert.id,
    caseId: alert.caseId,
    kind: alert.kind,
    status: alert.status,
    message: ALERT_MESSAGES[alert.kind],
    detail: alert.detail,
    deadlineId: alert.deadlineId,
    raisedAt: alert.raisedAt.toISOString(),
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: alert.acknowledgedBy,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

export type AlertView = ReturnType<typeof alertView>;

/**
 * The administrator follows the unit's deadlines, not the families: an alert's detail can tell
 * why a visit was stopped (a child unwell, a parent under the influence), so it is left out.
 */
export function alertViewFor(role: string, view: AlertView): AlertView {
  return role === 'administrator' ? { ...view, detail: null } : view;
}
