import type { PostalAddress } from '../personal-data/postal-address.js';
import type { Custody, Protection } from './case-party.entity.js';

/** A party as the judgment names them (checked at the HTTP edge: case-api/dto/register-case.dto.ts). */
export interface PartyDetails {
  name: string;
  personnummer: string;
  address?: PostalAddress;
  protection?: Protection;
}

export interface ChildDetails extends PartyDetails {
  custody?: Custody;
}

/** The district court's judgment on contact support (FB 6:15 c), as the secretary registers it. */
export interface CaseRegistration {
  court: string;
  courtCaseNumber: string;
  judgmentDate: string;
  receivedAt?: string;
  periodStart: string;
  periodEnd?: string;
  evaluationRequested: boolean;
  periodCapOverrideReason?: string;
  confirmDuplicateOf?: string;
  children: ChildDetails[];
  residentParent: PartyDetails;
  visitingParent: PartyDetails;
}
