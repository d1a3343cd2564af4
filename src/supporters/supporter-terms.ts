import type { EntityManager } from 'typeorm';
import { appointmentsOf, type Appointment } from '../cases/appointment-history.js';
import { SupportersRepository } from './supporters.repository.js';

const supporters = new SupportersRepository();

/** An appointment with the supporter's name, as a letter tells it. */
export interface SupporterTerm extends Appointment {
  name: string;
}

/** Every supporter who served on the case, in order, with their dates. */
export async function supporterTerms(manager: EntityManager, caseId: string): Promise<SupporterTerm[]> {
  const appointments = await appointmentsOf(manager, caseId);
  const ids = [...new Set(appointments.map((a) => a.supporterId))];
  const names = await supporters.names(manager, ids);
  return appointments.map((a) => ({ ...a, name: names.get(a.supporterId) ?? 'okänd' }));
}
