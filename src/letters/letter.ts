import type { StaffProfileView } from '../organisation/staff-directory.service.js';
import type { CompleteUnit } from '../organisation/unit-directory.service.js';

/** A part of a letter's text, under its own heading where it has one. */
export interface LetterSection {
  heading?: string;
  paragraphs: string[];
  /** A form's section whose paragraphs are boxes to tick. */
  checkboxes?: boolean;
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
  /** For a recipient with skyddad folkbokföring: how the sender gets it to them, never printed on the letter. */
  forwarding?: string;
  /** A form's fields to fill in by hand: each label over a line to write on. */
  fillIn?: string[];
  /** A form's signature lines, one per signer (`Boendeförälder: Maria Ödman`), each with place and date. */
  signatures?: string[];
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
export async function renderLetter(letter: Letter, frame: LetterFrame): Promise<Buffer> {
  // Loaded at the first letter: pdfkit and its fonts are the heaviest code the service has, and most processes draw no letter.
  const { default: PDFDocument } = await import('pdfkit');
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

  // Where a window envelope shows the address; a form printed for signing has none.
  const posted = letter.recipientBlock.length > 0;
  if (posted) {
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(letter.recipientBlock.join('\n'), MARGIN + width * 0.5, 150, { width: width * 0.5 });
  }

  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(letter.title, MARGIN, posted ? 250 : 150, { width });
  doc.moveDown(0.6).fontSize(10.5);
  for (const [label, value] of letter.facts) {
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  }
  doc.moveDown();
  for (const section of letter.sections) {
    // A heading never ends a page alone: it goes with the start of its text.
    if (section.heading) {
      keepTogether(doc, 64);
      doc.font('Helvetica-Bold').fontSize(11.5).text(section.heading, MARGIN, doc.y, { width }).moveDown(0.3);
    }
    for (const paragraph of section.paragraphs) {
      if (section.checkboxes) {
        doc
          .rect(MARGIN, doc.y + 1, 9, 9)
          .lineWidth(0.7)
          .stroke();
        doc
          .font('Helvetica')
          .fontSize(10.5)
          .text(bound(paragraph), MARGIN + 16, doc.y, { width: width - 16 });
        doc.x = MARGIN;
        doc.moveDown(0.4);
      } else {
        doc.font('Helvetica').fontSize(10.5).text(bound(paragraph), MARGIN, doc.y, { width }).moveDown(0.6);
      }
    }
    doc.moveDown(0.4);
  }

  for (const label of letter.fillIn ?? []) writingLine(doc, label, width);
  if (letter.signatures) signatureLines(doc, letter.signatures, width);

  // The caseworker's block stays on one page: a reader looks for the phone number beside the name.
  keepTogether(doc, CASEWORKER_HEIGHT);
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

/** `26 kap. 1 §` kept on one line: a legal reference is not split at the end of a line. */
function bound(text: string): string {
  return text.replace(
    /(\d+) kap\. (\d+ ?[a-z]?) §/g,
    (_, chapter: string, section: string) => `${chapter}\u00a0kap.\u00a0${section.replace(' ', '\u00a0')}\u00a0§`,
  );
}

/** Keeps what follows on one page with the given height, opening a new one where it would not fit. */
function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** A form's field: its label, then room to write two lines by hand. */
function writingLine(doc: PDFKit.PDFDocument, label: string, width: number): void {
  keepTogether(doc, 58);
  doc.font('Helvetica-Bold').fontSize(10).text(label, MARGIN, doc.y, { width });
  for (let line = 0; line < 2; line++) {
    const y = doc.y + 20;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.5)
      .stroke();
    doc.y = y;
  }
  doc.moveDown(0.8);
}

/** A signature line per signer, with place and date beside it, as Swedish forms have them. */
function signatureLines(doc: PDFKit.PDFDocument, signers: string[], width: number): void {
  keepTogether(doc, 40);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11.5).text('Underskrifter', MARGIN, doc.y, { width });
  for (const signer of signers) {
    keepTogether(doc, 56);
    const y = doc.y + 30;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width * 0.35, y)
      .lineWidth(0.5)
      .stroke();
    doc
      .moveTo(MARGIN + width * 0.42, y)
      .lineTo(MARGIN + width, y)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .text('Ort och datum', MARGIN, y + 3, { width: width * 0.35 });
    doc.text(`Underskrift, ${signer}`, MARGIN + width * 0.42, y + 3, { width: width * 0.58 });
    doc.x = MARGIN;
    doc.moveDown(0.8);
  }
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
