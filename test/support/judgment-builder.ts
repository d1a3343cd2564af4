import { aChildPersonnummer, aParentPersonnummer } from './test-people.js';

export interface JudgmentBody {
  court: string;
  courtCaseNumber: string;
  judgmentDate: string;
  periodStart: string;
  periodEnd?: string;
  evaluationRequested: boolean;
  periodCapOverrideReason?: string;
  receivedAt?: string;
  confirmDuplicateOf?: string;
  children: { name: string; personnummer: string; custody?: string }[];
  residentParent: { name: string; personnummer: string };
  visitingParent: { name: string; personnummer: string };
}

let caseNumber = 1000;

/** A valid registration body with fresh test personnummer; override what the test is about. */
export function aJudgment(overrides: Partial<JudgmentBody> = {}): JudgmentBody {
  return {
    court: 'Uppsala tingsrätt',
    courtCaseNumber: `T ${caseNumber++}-26`,
    judgmentDate: '2026-11-02',
    periodStart: '2026-11-16',
    periodEnd: '2027-11-15',
    evaluationRequested: false,
    children: [{ name: 'Alva', personnummer: aChildPersonnummer() }],
    residentParent: { name: 'Maria', personnummer: aParentPersonnummer() },
    visitingParent: { name: 'Johan', personnummer: aParentPersonnummer() },
    ...overrides,
  };
}
