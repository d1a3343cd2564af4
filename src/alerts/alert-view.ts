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
