import type { CompensationLine } from './compensation.service.js';

/*
 * For the payroll office's spreadsheet: semicolon-separated with decimal commas, as Swedish Excel
 * reads it, and a byte-order mark so å, ä and ö survive.
 */
const HEADER = ['Umgängesstödjare', 'Id', 'Månad', 'Besök', 'Timmar', 'Belopp (SEK)'];

function cell(value: string): string {
  // A leading = + - @ would make a spreadsheet run the name as a formula, and so does one after a
  // leading tab or carriage return, which spreadsheets drop (OWASP's CSV injection list).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const decimalComma = (value: string) => value.replace('.', ',');

export function compensationCsv(lines: CompensationLine[]): string {
  const rows = lines.map((l) => [l.name, l.supporterId, l.month, String(l.visits), decimalComma(l.hours), decimalComma(l.amountSek)]);
  return `\uFEFF${[HEADER, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
