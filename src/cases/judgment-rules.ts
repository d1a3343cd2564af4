import type { Judgment } from '../../machines/case-context.js';
import { defaultPeriodEnd, exceedsCap, lastDayWithinCap } from '../../machines/period.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { normalizePersonnummer } from '../common/personnummer.js';
import type { RegisterCaseDto } from './dto/register-case.dto.js';

/**
 * The judgment as the machine will carry it, after the rules a registration must pass: the
 * period runs forward, stays within the municipality's cap unless the secretary says why, and
 * nobody is named twice.
 */
export function judgmentFrom(dto: RegisterCaseDto, periodCapMonths: number): Judgment {
  const periodEnd = dto.periodEnd ?? defaultPeriodEnd(dto.periodStart);
  if (periodEnd < dto.periodStart) {
    throw new BusinessRuleError('periodRunsForward', 'periodEnd must not be before periodStart', 'periodEnd');
  }
  if (exceedsCap(dto.periodStart, periodEnd, periodCapMonths) && !dto.periodCapOverrideReason) {
    throw new BusinessRuleError(
      'periodCap',
      `the period is longer than the municipality's cap of ${periodCapMonths} months (it should end by ` +
        `${lastDayWithinCap(dto.periodStart, periodCapMonths)}); check the dates, or give periodCapOverrideReason to confirm it`,
      'periodEnd',
    );
  }
  const people = [...dto.children, dto.residentParent, dto.visitingParent].map((p) => normalizePersonnummer(p.personnummer));
  if (new Set(people).size !== people.length) {
    throw new BusinessRuleError('partiesDistinct', 'the same personnummer is given for two parties', 'personnummer');
  }
  return {
    court: dto.court,
    courtCaseNumber: dto.courtCaseNumber,
    judgmentDate: dto.judgmentDate,
    periodStart: dto.periodStart,
    periodEnd,
    periodEndSetByCourt: dto.periodEnd !== undefined,
    evaluationRequested: dto.evaluationRequested,
    ...(dto.periodCapOverrideReason ? { periodCapOverrideReason: dto.periodCapOverrideReason } : {}),
  };
}
