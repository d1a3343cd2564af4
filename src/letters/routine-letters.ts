import type { DocumentKind } from '../documents/document.entity.js';
import { courtNotice, evaluation } from './court-letters.js';
import { replacementDecision, supporterDecision } from './decision-letters.js';
import { documentCopies, enrollmentForm, reportForm, rules } from './form-letters.js';
import type { Letter } from './letter.js';
import type { LetterSources } from './letter-sources.js';
import { closingSummons, followUpSummons, summons } from './meeting-letters.js';

/** The letters and forms the unit sends that the system writes from the case's data. */
export const GENERATED_LETTERS = [
  'supporterDecision',
  'replacementDecision',
  'summons',
  'followUpSummons',
  'closingSummons',
  'enrollmentForm',
  'rules',
  'reportForm',
  'documentCopies',
  'evaluation',
  'courtNotice',
] as const;
export type GeneratedLetter = (typeof GENERATED_LETTERS)[number];

interface LetterKind {
  write: (sources: LetterSources) => Letter[];
  /** What the written letter is among the case's documents. */
  document: DocumentKind;
  /** The PDF's file name, before the court case number. */
  fileName: string;
}

export const LETTER_KINDS: Record<GeneratedLetter, LetterKind> = {
  supporterDecision: {
    write: supporterDecision,
    document: 'supporterDecision',
    fileName: 'beslut-umgangesstodsperson',
  },
  replacementDecision: {
    write: replacementDecision,
    document: 'supporterDecision',
    fileName: 'beslut-byte-umgangesstodsperson',
  },
  summons: { write: summons, document: 'summons', fileName: 'kallelse-uppstartsmote' },
  followUpSummons: { write: followUpSummons, document: 'summons', fileName: 'kallelse-uppfoljningsmote' },
  closingSummons: { write: closingSummons, document: 'summons', fileName: 'kallelse-avslutningsmote' },
  enrollmentForm: { write: enrollmentForm, document: 'enrollmentForm', fileName: 'inskrivningsblankett' },
  rules: { write: rules, document: 'rules', fileName: 'regler' },
  reportForm: { write: reportForm, document: 'reportForm', fileName: 'rapport-blankett' },
  documentCopies: { write: documentCopies, document: 'documentCopies', fileName: 'kopior-inskrivning-regler' },
  evaluation: { write: evaluation, document: 'evaluation', fileName: 'utvardering' },
  courtNotice: { write: courtNotice, document: 'courtNotice', fileName: 'underrattelse-tingsratten' },
};

/** The letters of that kind for this case, one per recipient; 422 when the case does not yet hold what they need. */
export function writeLetters(kind: GeneratedLetter, sources: LetterSources): Letter[] {
  return LETTER_KINDS[kind].write(sources);
}
