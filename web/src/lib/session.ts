import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answered, api, rememberCsrfToken, type Schemas } from './api';
import { clearOutbox } from './outbox';

/** Who is signed in, as /auth/session and /auth/login answer. */
export type SessionUser = Schemas['SignedInUser'];

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when nobody is (no cookie, or the session ended). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionUser | null> => {
      const result = await api.GET('/auth/session');
      if (result.response.status === 401) {
        rememberCsrfToken(undefined);
        return null;
      }
      const answer = answered(result);
      rememberCsrfToken(answer.csrfToken);
      return answer.user;
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth-config'],
    queryFn: async () => answered(await api.GET('/auth/config')),
    staleTime: Infinity,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['SignInDto']) => answered(await api.POST('/auth/login', { body })),
    onSuccess: (answer) => {
      rememberCsrfToken(answer.csrfToken);
      client.setQueryData(SESSION_KEY, answer.user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => answered(await api.POST('/auth/logout')),
    onSettled: () => {
      rememberCsrfToken(undefined);
      // Nothing the signed-out user entered stays on the device, nothing they read in this tab's memory.
      void clearOutbox();
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      client.setQueryData(SESSION_KEY, null);
    },
  });
}
