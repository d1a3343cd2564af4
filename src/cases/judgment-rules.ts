import type { Judgment } from '../../machines/case-context.js';
import { defaultPeriodEnd, exceedsCap, lastDayWithinCap } from '../../machines/period.js';
import { BusinessRuleError } from '../common/domain-errors.js';
import { normalizePersonnummer } from '../common/personnummer.js';
import type { CaseRegistration } from './case-registration.js';
import { said } from '../common/said.js';

/** The dates a judgment brings must be in the order things happened, none of them after today. */
function checkDatesInOrder(dto: CaseRegistration, today: string): void {
  if (dto.judgmentDate > today) {
    throw new BusinessRuleError(
      'judgmentInThePast',
      said(
        `Domens datum kan inte ligga i framtiden (i dag är det ${today}).`,
        `judgmentDate must not be in the future (today is ${today})`,
      ),
      'judgmentDate',
    );
  }
  if (dto.periodStart < dto.judgmentDate) {
    throw new BusinessRuleError(
      'periodAfterJudgment',
      said(
        'Periodens början kan inte ligga före domens datum: stödet börjar när det har beslutats.',
        'periodStart must not be before judgmentDate: support starts once it is ordered',
      ),
      'periodStart',
    );
  }
  if (dto.receivedAt !== undefined && dto.receivedAt > today) {
    throw new BusinessRuleError(
      'receivedInThePast',
      said(
        `Dagen då domen kom in kan inte ligga i framtiden (i dag är det ${today}).`,
        `receivedAt must not be in the future (today is ${today})`,
      ),
      'receivedAt',
    );
  }
  if (dto.receivedAt !== undefined && dto.receivedAt < dto.judgmentDate) {
    throw new BusinessRuleError(
      'receivedAfterJudgment',
      said(
        'Dagen då domen kom in kan inte ligga före domens datum: domen når enheten efter att den har meddelats.',
        'receivedAt must not be before judgmentDate: a judgment reaches the unit after it is given',
      ),
      'receivedAt',
    );
  }
}

/**
 * The judgment as the machine will carry it, after the rules a registration must pass: its dates
 * are in order and not in the future, the period runs forward, stays within the municipality's
 * cap unless the secretary says why, and nobody is named twice. `today` is the Swedish calendar day.
 */
export function judgmentFrom(dto: CaseRegistration, periodCapMonths: number, today: string): Judgment {
  checkDatesInOrder(dto, today);
  const periodEnd = dto.periodEnd ?? defaultPeriodEnd(dto.periodStart);
  if (periodEnd < dto.periodStart) {
    throw new BusinessRuleError(
      'periodRunsForward',
      said('Periodens slut kan inte ligga före dess början.', 'periodEnd must not be before periodStart'),
      'periodEnd',
    );
  }
  if (exceedsCap(dto.periodStart, periodEnd, periodCapMonths) && !dto.periodCapOverrideReason) {
    throw new BusinessRuleError(
      'periodCap',
      said(
        `Perioden är längre än kommunens gräns på ${periodCapMonths} månader (den borde sluta senast ` +
          `${lastDayWithinCap(dto.periodStart, periodCapMonths)}). Kontrollera datumen, eller bekräfta perioden med ett skäl i periodCapOverrideReason.`,
        `the period is longer than the municipality's cap of ${periodCapMonths} months (it should end by ` +
          `${lastDayWithinCap(dto.periodStart, periodCapMonths)}); check the dates, or give periodCapOverrideReason to confirm it`,
      ),
      'periodEnd',
    );
  }
  const people = [...dto.children, dto.residentParent, dto.visitingParent].map((p) =>
    normalizePersonnummer(p.personnummer),
  );
  if (new Set(people).size !== people.length) {
    throw new BusinessRuleError(
      'partiesDistinct',
      said('Samma personnummer är angivet för två parter.', 'the same personnummer is given for two parties'),
      'personnummer',
    );
  }
  return {
    court: dto.court,
    courtCaseNumber: dto.courtCaseNumber,
    judgmentDate: dto.judgmentDate,
    periodStart: dto.periodStart,
    periodEnd,
    periodEndSetByCourt: dto.periodEnd !== undefined,
    evaluationRequested: dto.evaluationRequested,
    ...(dto.receivedAt ? { receivedAt: dto.receivedAt } : {}),
    ...(dto.periodCapOverrideReason ? { periodCapOverrideReason: dto.periodCapOverrideReason } : {}),
  };
}
