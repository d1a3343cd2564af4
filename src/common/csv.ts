/*
 * For Swedish spreadsheets: semicolon-separated with decimal commas, as Swedish Excel reads it,
 * and a byte-order mark so å, ä and ö survive.
 */

export function csvCell(value: string): string {
  // A leading = + - @ would make a spreadsheet run the text as a formula, and so does one after a
  // leading tab, line feed, vertical tab, form feed or carriage return, which spreadsheets drop
  // (OWASP's CSV injection list), and the full-width ＝ ＋ － ＠, which some read as their ASCII twins.
  const safe = /^[=+\-@\t\n\v\f\r＝＋－＠]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const decimalComma = (value: string) => value.replace('.', ',');

export function csvDocument(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
