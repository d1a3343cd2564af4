import type { VisitReport } from './visit-report.entity.js';

/** Each report with the later entry that corrected it, if any: a corrected report stays, marked as such. */
export function reportViews(reports: VisitReport[]) {
  const correctedBy = new Map(reports.filter((r) => r.correctsId).map((r) => [r.correctsId!, r.id]));
  return reports.map((r) => reportView(r, correctedBy.get(r.id) ?? null));
}

function reportView(report: VisitReport, correctedBy: string | null) {
  return {
    id: report.id,
    visitId: report.visitId,
    form: report.form,
    text: report.text,
    documentId: report.documentId,
    corrects: report.correctsId,
    correctedBy,
    filedAt: report.filedAt.toISOString(),
    filedBy: { id: report.filedBy, role: report.filedByRole },
  };
}
