import { useQuery } from '@tanstack/react-query';
import { answered, api } from './api';

/** The staff profiles (who a case can be handed to), kept a few minutes: they change seldom. */
export function useStaff() {
  return useQuery({
    queryKey: ['staff'],
    queryFn: async () => answered(await api.GET('/staff')),
    staleTime: 300_000,
  });
}

/** A secretary's name from their profile, or their username while they have none. */
export function useStaffName(subject: string | null): string | null {
  const staff = useStaff();
  if (subject === null) return null;
  return staff.data?.items.find((profile) => profile.subject === subject)?.name ?? subject;
}
