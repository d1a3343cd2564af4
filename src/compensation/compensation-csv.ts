import { csvDocument, decimalComma } from '../common/csv.js';
import type { CompensationLine } from './compensation.service.js';

/* For the payroll office's spreadsheet. */
const HEADER = ['Umgängesstödjare', 'Id', 'Månad', 'Besök', 'Timmar', 'Belopp (SEK)'];

export function compensationCsv(lines: CompensationLine[]): string {
  const rows = lines.map((l) => [
    l.name,
    l.supporterId,
    l.month,
    String(l.visits),
    decimalComma(l.hours),
    decimalComma(l.amountSek),
  ]);
  return csvDocument([HEADER, ...rows]);
}
