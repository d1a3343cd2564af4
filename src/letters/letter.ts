import PDFDocument from 'pdfkit';
import type { StaffProfileView } from '../organisation/staff-directory.service.js';
import type { CompleteUnit } from '../organisation/unit-directory.service.js';

/** A part of a letter's text, under its own heading where it has one. */
export interface LetterSection {
  heading?: string;
  paragraphs: string[];
}

/** One letter to one recipient. */
export interface Letter {
  title: string;
  /** Who the letter goes to, for the document record (a name, or the court). */
  recipient: string;
  /** The address block: the name, then the lines the envelope needs (none for a protected party). */
  recipientBlock: string[];
  /** Facts set out above the text: `Barn` → `Alva och Nils Ödman`. */
  facts: [label: string, value: string][];
  sections: LetterSection[];
  /** For a recipient with protected personal data: how the sender gets it to them, never printed on the letter. */
  forwarding?: string;
}

/** What every letter of a case carries besides its own text: sender, references, date, caseworker. */
export interface LetterFrame {
  unit: CompleteUnit;
  caseworker: StaffProfileView;
  diaryNumber: string;
  courtCaseNumber: string;
  /** Written out in Swedish, e.g. `24 november 2026`. */
  dateText: string;
}

const MARGIN = 56;
const FOOTER_HEIGHT = 64;
const CASEWORKER_HEIGHT = 84;

/** Renders a letter as an A4 PDF in the standard Helvetica, which covers Swedish letters (WinAnsi). */
export function renderLetter(letter: Letter, frame: LetterFrame): Promise<Buffer> {
  const { unit, caseworker } = frame;
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    info: { Title: letter.title, Author: `${unit.municipality}, ${unit.unitName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  // Sender on the left, the references on the right, as Swedish authorities' letters have them.
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(unit.municipality, MARGIN, MARGIN, { width: width / 2 });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(unit.committee, { width: width / 2 })
    .text(unit.unitName, { width: width / 2 });
  const references: [string, string][] = [
    ['Datum', frame.dateText],
    ['Diarienummer', frame.diaryNumber],
    ['Målnummer', frame.courtCaseNumber],
  ];
  let y = MARGIN;
  for (const [label, value] of references) {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(label, MARGIN + width * 0.6, y, { width: width * 0.4 });
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(value, MARGIN + width * 0.6, y + 10, { width: width * 0.4 });
    y += 26;
  }

  // Where a window envelope shows the address.
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(letter.recipientBlock.join('\n'), MARGIN + width * 0.5, 150, { width: width * 0.5 });

  doc.font('Helvetica-Bold').fontSize(15).text(letter.title, MARGIN, 250, { width });
  doc.moveDown(0.6).fontSize(10.5);
  for (const [label, value] of letter.facts) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  }
  doc.moveDown();
  for (const section of letter.sections) {
    if (section.heading) doc.font('Helvetica-Bold').fontSize(11.5).text(section.heading).moveDown(0.3);
    for (const paragraph of section.paragraphs)
      doc.font('Helvetica').fontSize(10.5).text(paragraph, { width }).moveDown(0.6);
    doc.moveDown(0.4);
  }

  // The caseworker's block stays on one page: a reader looks for the phone number beside the name.
  if (doc.y + CASEWORKER_HEIGHT > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10.5).text('Handläggare');
  doc
    .font('Helvetica')
    .text(caseworker.name)
    .text(caseworker.title)
    .text(`Direkt telefon: ${caseworker.phone}`)
    .text(`E-post: ${caseworker.email}`);

  footers(doc, frame);
  doc.end();
  return finished;
}

/** The unit's address and contact on every page, `Sida 1 av 2`, and the references atop every page after the first. */
function footers(doc: PDFKit.PDFDocument, { unit, diaryNumber, courtCaseNumber }: LetterFrame): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise open a new page.
    doc.page.margins.bottom = 0;
    const top = doc.page.height - MARGIN - FOOTER_HEIGHT + 16;
    const width = doc.page.width - 2 * MARGIN;
    doc
      .moveTo(MARGIN, top - 6)
      .lineTo(MARGIN + width, top - 6)
      .lineWidth(0.5)
      .stroke();
    const column = width / 3;
    const cell = (x: number, heading: string, lines: string[]) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(8)
        .text(heading, MARGIN + x, top, { width: column - 8, lineBreak: false });
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(lines.join('\n'), MARGIN + x, top + 10, { width: column - 8 });
    };
    cell(0, 'Postadress', [`${unit.committee}, ${unit.unitName}`, ...unit.postalAddress.split('\n')]);
    cell(column, 'Telefon', [unit.phone, `Telefontid: ${unit.phoneHours}`]);
    cell(2 * column, 'E-post', [unit.email]);
    if (i > start) {
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(
          `${unit.municipality}   Diarienummer ${diaryNumber}   Målnummer ${courtCaseNumber}`,
          MARGIN,
          MARGIN - 28,
          { width, lineBreak: false },
        );
    }
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(`Sida ${i - start + 1} av ${count}`, MARGIN, doc.page.height - MARGIN + 4, {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
