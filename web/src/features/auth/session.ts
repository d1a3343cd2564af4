import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, csrfHeader, rememberCsrfToken } from '../../lib/api';

/** Who is signed in, as /auth/session and /auth/login answer. */
export interface SessionUser {
  username: string;
  name: string;
  role: 'secretary' | 'supporter' | 'administrator' | 'developer';
  supporterId?: string;
}

interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

async function sessionRequest(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers: { Accept: 'application/json', ...init.headers },
  });
  if (!response.ok && response.status !== 401) {
    const body: unknown = await response.json().catch(() => ({}));
    throw new ApiError(response.status, typeof body === 'object' && body ? body : {});
  }
  return response;
}

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionUser | null> => {
      const response = await sessionRequest('/auth/session');
      if (response.status === 401) {
        rememberCsrfToken(undefined);
        return null;
      }
      const answer = (await response.json()) as SessionAnswer;
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
    queryFn: async (): Promise<{ oidc: boolean }> =>
      (await (await sessionRequest('/auth/config')).json()) as { oidc: boolean },
    staleTime: Infinity,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { username: string; password: string }) => {
      const response = await sessionRequest('/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(credentials),
      });
      if (response.status === 401) throw new ApiError(401, { error: 'Unauthorized' });
      return (await response.json()) as SessionAnswer;
    },
    onSuccess: (answer) => {
      rememberCsrfToken(answer.csrfToken);
      client.clear();
      client.setQueryData(SESSION_KEY, answer.user);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await sessionRequest('/auth/logout', { method: 'POST', headers: csrfHeader() });
    },
    onSettled: () => {
      rememberCsrfToken(undefined);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}
