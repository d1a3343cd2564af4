import { useState } from 'react';
import { Page } from '../../app/page';
import { Form, SubmitButton, TextField, textOf } from '../../components/form';
import { ApiError } from '../../lib/api';
import { refusalOf, type Refusal } from '../../lib/refusals';
import { useAuthConfig, useSignIn } from '../../lib/session';

const LABELS = { username: 'Användarnamn', password: 'Lösenord' };

export function SignInPage() {
  const signIn = useSignIn();
  const config = useAuthConfig();
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const submit = (data: FormData) => {
    const username = textOf(data, 'username');
    const password = (data.get('password') as string | null) ?? '';
    const fields: Record<string, string> = {};
    if (!username) fields.username = 'Ange ditt användarnamn.';
    if (!password) fields.password = 'Ange ditt lösenord.';
    if (Object.keys(fields).length > 0) return setRefusal({ fields, error: undefined });
    setRefusal(null);
    signIn.mutate(
      { username: username!, password },
      {
        onError: (error) =>
          setRefusal(
            error instanceof ApiError && error.status === 401
              ? { fields: {}, general: 'Användarnamnet eller lösenordet stämmer inte.', error }
              : error instanceof ApiError && error.status === 423
                ? {
                    fields: {},
                    general: 'Kontot är låst efter för många misslyckade försök. Försök igen senare.',
                    error,
                  }
                : refusalOf(error),
          ),
      },
    );
  };

  return (
    <Page title="Logga in">
      <div className="narrow">
        {config.data?.oidc && (
          <>
            <p>Logga in med kommunens inloggning.</p>
            <a className="button" href="/auth/oidc/login">
              Logga in med kommunens inloggning
            </a>
            <h2>Eller med ett lokalt konto</h2>
          </>
        )}
        <Form id="sign-in" refusal={refusal} labels={LABELS} onSubmit={submit}>
          <TextField name="username" label={LABELS.username} autoComplete="username" spellCheck={false} />
          <TextField name="password" label={LABELS.password} type="password" autoComplete="current-password" />
          <SubmitButton busy={signIn.isPending}>Logga in</SubmitButton>
        </Form>
      </div>
    </Page>
  );
}
