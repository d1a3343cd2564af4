import PDFDocument from 'pdfkit';

/** What every letter the unit sends carries, whatever it says. */
export interface Letter {
  /** The heading, e.g. `Beslut om umgängesstödsperson`. */
  title: string;
  /** Facts set out above the text: `Målnummer` → `T 1234-26`. */
  facts: [label: string, value: string][];
  paragraphs: string[];
  recipients: string[];
  /** The letter's date (YYYY-MM-DD, already written out in Swedish). */
  dateText: string;
  signature: string;
}

export const UNIT_NAME = 'Socialnämnden, familjerätten';

/** Renders a letter as an A4 PDF in the standard Helvetica, which covers Swedish letters (WinAnsi). */
export function renderLetter(letter: Letter): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: letter.title, Author: UNIT_NAME } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica').fontSize(10).text(UNIT_NAME).text(letter.dateText, { align: 'right' }).moveDown(2);
  doc.font('Helvetica-Bold').fontSize(16).text(letter.title).moveDown();
  doc.fontSize(11);
  for (const [label, value] of letter.facts) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  }
  doc.moveDown();
  for (const paragraph of letter.paragraphs) doc.font('Helvetica').text(paragraph, { align: 'left' }).moveDown(0.7);
  doc.moveDown().text(letter.signature);
  if (letter.recipients.length > 0) {
    doc.moveDown(2).font('Helvetica-Bold').text('Sändlista').font('Helvetica');
    for (const recipient of letter.recipients) doc.text(recipient);
  }
  doc.end();
  return finished;
}
