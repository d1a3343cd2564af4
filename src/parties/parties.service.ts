import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseParty } from '../cases/case-party.entity.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { BusinessRuleError, NotFoundError } from '../common/domain-errors.js';
import { TransactionRunner } from '../database/transaction-runner.service.js';
import { requireCase, requireWritableCase } from '../cases/case-file.js';
import { PersonnummerProtector } from '../personal-data/personnummer-protector.service.js';
import { openAddress, sealAddress } from '../personal-data/postal-address.js';
import type { PartyDetailsDto } from './dto/party-details.dto.js';
import { said } from '../common/said.js';

/**
 * The parties' contact details as the secretary keeps them. A protected party's address is taken
 * in but never given back: not here, not in any view; only that party's own letters are addressed
 * (through the Tax Agency's forwarding), and those carry no address of theirs at all.
 */
@Injectable()
export class PartiesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly protector: PersonnummerProtector,
    private readonly cases: CasesRepository,
  ) {}

  list(caseId: string) {
    return this.transactions.run(async (manager) => {
      await requireCase(manager, caseId);
      const parties = await this.cases.partiesInOrder(manager, caseId);
      return { items: parties.map((p) => this.view(p)), total: parties.length };
    });
  }

  update(caseId: string, partyId: string, dto: PartyDetailsDto) {
    return this.transactions.run(async (manager) => {
      await requireWritableCase(manager, caseId);
      const party = await this.find(manager, caseId, partyId);
      if (dto.custody !== undefined && party.role !== 'child') {
        throw new BusinessRuleError(
          'custodyOfChild',
          said(
            'Vårdnad registreras för ett barn, inte för en förälder.',
            'custody is recorded for a child, not a parent',
          ),
          'custody',
        );
      }
      const patch: Partial<CaseParty> = {
        ...(dto.address !== undefined ? { addressCiphertext: sealAddress(this.protector, dto.address) } : {}),
        ...(dto.protection !== undefined ? { protection: dto.protection } : {}),
        ...(dto.meetingRisk !== undefined ? { meetingRisk: dto.meetingRisk } : {}),
        ...(dto.custody !== undefined ? { custody: dto.custody } : {}),
      };
      await this.cases.updateParty(manager, party.id, patch);
      return this.view(Object.assign(party, patch));
    });
  }

  private view(party: CaseParty) {
    const hasAddress = party.addressCiphertext !== null;
    return {
      id: party.id,
      role: party.role,
      position: party.position,
      name: party.name,
      protection: party.protection,
      meetingRisk: party.meetingRisk,
      ...(party.role === 'child' ? { custody: party.custody } : {}),
      hasAddress,
      address: party.protection ? null : openAddress(this.protector, party.addressCiphertext),
    };
  }

  private async find(manager: EntityManager, caseId: string, partyId: string): Promise<CaseParty> {
    const party = await this.cases.party(manager, caseId, partyId);
    if (!party) throw new NotFoundError('party');
    return party;
  }
}
