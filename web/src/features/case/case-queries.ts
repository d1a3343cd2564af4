import { useQuery } from '@tanstack/react-query';
import { answered, api, type Schemas } from '../../lib/api';

export type CaseView = Schemas['CaseResponse'];

export const caseKey = (id: string) => ['case', id] as const;

/** The case as the secretary sees it; the API answers the secretary's view to a secretary. */
export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: async () => answered(await api.GET('/cases/{id}', { params: { path: { id } } })) as CaseView,
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: [...caseKey(id), 'history'],
    queryFn: async () =>
      answered(await api.GET('/cases/{id}/history', { params: { path: { id }, query: { limit: 200 } } })),
  });
}

export function useVisits(caseId: string) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'visits'],
    queryFn: async () => answered(await api.GET('/cases/{caseId}/visits', { params: { path: { caseId } } })),
  });
}

export function useInterviews(caseId: string) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'interviews'],
    queryFn: async () => answered(await api.GET('/cases/{caseId}/interviews', { params: { path: { caseId } } })),
  });
}

export function useDocuments(caseId: string) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'documents'],
    queryFn: async () => answered(await api.GET('/cases/{caseId}/documents', { params: { path: { caseId } } })),
  });
}

export function useCaseAlerts(caseId: string) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'alerts'],
    queryFn: async () =>
      answered(await api.GET('/alerts', { params: { query: { caseId, status: 'open', limit: 100 } } })),
  });
}

export function useSupporter(id: string | undefined) {
  return useQuery({
    queryKey: ['supporter', id],
    enabled: id !== undefined,
    queryFn: async () => answered(await api.GET('/supporters/{id}', { params: { path: { id: id! } } })),
  });
}
