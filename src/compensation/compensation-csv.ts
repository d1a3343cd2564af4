import { csvDocument, decimalComma } from '../common/csv.js';
import type { ExportedLine } from './compensation.service.js';

/* For the payroll office's spreadsheet. */
const HEADER = ['Umgängesstödjare', 'Id', 'Månad', 'Besök', 'Därav från tidigare månader', 'Timmar', 'Belopp (SEK)'];

export function compensationCsv(lines: ExportedLine[]): string {
  const rows = lines.map((l) => [
    l.name,
    l.supporterId,
    l.month,
    String(l.visits),
    String(l.fromEarlierMonths),
    decimalComma(l.hours),
    decimalComma(l.amountSek),
  ]);
  return csvDocument([HEADER, ...rows]);
}
