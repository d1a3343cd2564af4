import { Checks, COURT_CASE_NUMBER, POSTAL_CODE, isFutureDay, isPersonnummer } from '../../lib/checks';
import type { Schemas } from '../../lib/api';
import { textOf } from '../../components/form';

type RegisterBody = Schemas['RegisterCaseDto'];
type PartyBody = Schemas['PartyDto'];

export const PARTY_ROLES = {
  residentParent: 'Boendeförälder',
  visitingParent: 'Umgängesförälder',
} as const;

/** The error summary's order and link texts: the form's fields as they appear. */
export function judgmentLabels(children: number): Record<string, string> {
  const party = (prefix: string, who: string) => ({
    [`${prefix}.name`]: `${who}: namn`,
    [`${prefix}.personnummer`]: `${who}: personnummer`,
    [`${prefix}.address.street`]: `${who}: gatuadress`,
    [`${prefix}.address.postalCode`]: `${who}: postnummer`,
    [`${prefix}.address.city`]: `${who}: ort`,
  });
  return {
    court: 'Tingsrätt',
    courtCaseNumber: 'Målnummer',
    judgmentDate: 'Domens datum',
    receivedAt: 'Dag då domen kom in',
    periodStart: 'Periodens första dag',
    periodEnd: 'Periodens sista dag',
    periodCapOverrideReason: 'Skäl till längre period',
    ...Object.fromEntries(
      Array.from({ length: children }, (_, i) => Object.entries(party(`children.${i}`, `Barn ${i + 1}`))).flat(),
    ),
    ...party('residentParent', PARTY_ROLES.residentParent),
    ...party('visitingParent', PARTY_ROLES.visitingParent),
  };
}

function partyFrom(data: FormData, prefix: string, checks: Checks, who: string): PartyBody {
  const name = textOf(data, `${prefix}.name`);
  const personnummer = textOf(data, `${prefix}.personnummer`);
  checks.name(`${prefix}.name`, name, `Ange ${who} namn.`);
  if (
    checks.required(`${prefix}.personnummer`, personnummer, `Ange ${who} personnummer.`) &&
    !isPersonnummer(personnummer)
  ) {
    checks.fail(`${prefix}.personnummer`, 'Ange ett giltigt personnummer, ÅÅÅÅMMDD-NNNN.');
  }
  const protection = textOf(data, `${prefix}.protection`) as PartyBody['protection'];
  const street = textOf(data, `${prefix}.address.street`);
  const postalCode = textOf(data, `${prefix}.address.postalCode`);
  const city = textOf(data, `${prefix}.address.city`);
  const careOf = textOf(data, `${prefix}.address.careOf`);
  let address: PartyBody['address'];
  if (street || postalCode || city || careOf) {
    checks.required(`${prefix}.address.street`, street, 'Ange gatuadress, eller lämna hela adressen tom.');
    if (
      checks.required(`${prefix}.address.postalCode`, postalCode, 'Ange postnummer, eller lämna hela adressen tom.') &&
      !POSTAL_CODE.test(postalCode)
    ) {
      checks.fail(`${prefix}.address.postalCode`, 'Ange postnumret som fem siffror, till exempel 753 20.');
    }
    checks.required(`${prefix}.address.city`, city, 'Ange ort, eller lämna hela adressen tom.');
    address = { street: street ?? '', postalCode: postalCode ?? '', city: city ?? '', ...(careOf ? { careOf } : {}) };
  }
  return {
    name: name ?? '',
    personnummer: personnummer ?? '',
    ...(protection ? { protection } : {}),
    ...(address ? { address } : {}),
  };
}

/** The registration the form describes, checked as the API checks it, or the field messages. */
export function judgmentFrom(data: FormData, children: number): { body: RegisterBody; fields: Record<string, string> } {
  const checks = new Checks();
  const court = textOf(data, 'court');
  checks.name('court', court, 'Ange vilken tingsrätt som meddelat domen.');
  const courtCaseNumber = textOf(data, 'courtCaseNumber');
  if (
    checks.required('courtCaseNumber', courtCaseNumber, 'Ange målnumret.') &&
    !COURT_CASE_NUMBER.test(courtCaseNumber)
  ) {
    checks.fail(
      'courtCaseNumber',
      'Ange målnumret som T 1234-26: T, mellanslag, nummer, bindestreck och årtal med två siffror.',
    );
  }
  const judgmentDate = textOf(data, 'judgmentDate');
  const receivedAt = textOf(data, 'receivedAt');
  const periodStart = textOf(data, 'periodStart');
  const periodEnd = textOf(data, 'periodEnd');
  checks.date('judgmentDate', judgmentDate, { required: true, label: 'domens datum' });
  checks.date('receivedAt', receivedAt, { required: false, label: 'dagen då domen kom in' });
  checks.date('periodStart', periodStart, { required: true, label: 'periodens första dag' });
  checks.date('periodEnd', periodEnd, { required: false, label: 'periodens sista dag' });
  if (judgmentDate && !checks.fields.judgmentDate && isFutureDay(judgmentDate)) {
    checks.fail('judgmentDate', 'Domens datum kan inte ligga i framtiden.');
  }
  if (receivedAt && !checks.fields.receivedAt) {
    if (isFutureDay(receivedAt)) checks.fail('receivedAt', 'Dagen då domen kom in kan inte ligga i framtiden.');
    else if (judgmentDate && receivedAt < judgmentDate)
      checks.fail('receivedAt', 'Domen kan inte ha kommit in före domens datum.');
  }
  if (periodStart && judgmentDate && !checks.fields.periodStart && periodStart < judgmentDate) {
    checks.fail('periodStart', 'Perioden kan inte börja före domens datum.');
  }
  if (periodEnd && periodStart && !checks.fields.periodEnd && periodEnd < periodStart) {
    checks.fail('periodEnd', 'Periodens sista dag kan inte ligga före dess första dag.');
  }
  const reason = textOf(data, 'periodCapOverrideReason');
  if (reason && reason.length > 1000) checks.fail('periodCapOverrideReason', 'Skälet får vara högst 1000 tecken.');

  const childBodies = Array.from({ length: children }, (_, i) => {
    const child = partyFrom(data, `children.${i}`, checks, `barnets`);
    const custody = textOf(data, `children.${i}.custody`) as Schemas['ChildDto']['custody'];
    return { ...child, ...(custody ? { custody } : {}) };
  });
  const residentParent = partyFrom(data, 'residentParent', checks, 'boendeförälderns');
  const visitingParent = partyFrom(data, 'visitingParent', checks, 'umgängesförälderns');
  const numbers = [...childBodies, residentParent, visitingParent].map((p) =>
    p.personnummer.replace(/\D/g, '').slice(-10),
  );
  numbers.forEach((number, i) => {
    if (number && numbers.indexOf(number) !== i) {
      const field =
        i < children
          ? `children.${i}.personnummer`
          : i === children
            ? 'residentParent.personnummer'
            : 'visitingParent.personnummer';
      checks.fail(field, 'Samma personnummer är angivet för två parter.');
    }
  });

  const body: RegisterBody = {
    court: court ?? '',
    courtCaseNumber: courtCaseNumber ?? '',
    judgmentDate: judgmentDate ?? '',
    periodStart: periodStart ?? '',
    evaluationRequested: data.get('evaluationRequested') === 'true',
    children: childBodies,
    residentParent,
    visitingParent,
    ...(receivedAt ? { receivedAt } : {}),
    ...(periodEnd ? { periodEnd } : {}),
    ...(reason ? { periodCapOverrideReason: reason } : {}),
  };
  return { body, fields: checks.fields };
}
