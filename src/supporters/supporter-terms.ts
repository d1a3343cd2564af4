import { In, type EntityManager } from 'typeorm';
import { appointmentsOf, type Appointment } from '../cases/appointment-history.js';
import { Supporter } from './supporter.entity.js';

/** An appointment with the supporter's name, as a letter tells it. */
export interface SupporterTerm extends Appointment {
  name: string;
}

/** Every supporter who served on the case, in order, with their dates. */
export async function supporterTerms(manager: EntityManager, caseId: string): Promise<SupporterTerm[]> {
  const appointments = await appointmentsOf(manager, caseId);
  const ids = [...new Set(appointments.map((a) => a.supporterId))];
  const supporters =
    ids.length > 0 ? await manager.find(Supporter, { where: { id: In(ids) }, select: { id: true, name: true } }) : [];
  const names = new Map(supporters.map((s) => [s.id, s.name]));
  return appointments.map((a) => ({ ...a, name: names.get(a.supporterId) ?? 'okänd' }));
}
