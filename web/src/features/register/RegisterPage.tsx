import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { Page } from '../../app/page';
import { paths } from '../../app/routes';
import {
  Checkbox,
  DateField,
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/form';
import { ApiError, answered, api, type Schemas } from '../../lib/api';
import { CUSTODY_LABELS, PROTECTION_LABELS } from '../../lib/labels';
import { refusalOf, type Refusal } from '../../lib/refusals';
import { judgmentFrom, judgmentLabels } from './judgment-form';

const PROTECTION_OPTIONS: [string, string][] = [
  ['', 'Inga skyddade personuppgifter'],
  ...Object.entries(PROTECTION_LABELS),
];
const CUSTODY_OPTIONS = Object.entries(CUSTODY_LABELS);

function PartyFields({ prefix, legend, child }: { prefix: string; legend: string; child?: boolean }) {
  const errors = useFormErrors();
  const addressRefused = Object.keys(errors).some((name) => name.startsWith(`${prefix}.address.`));
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      <TextField name={`${prefix}.name`} label="Namn" autoComplete="off" />
      <TextField
        name={`${prefix}.personnummer`}
        label="Personnummer"
        hint="12 siffror, till exempel 20150101-2395. Samordningsnummer går också."
        inputMode="numeric"
      />
      {child && (
        <SelectField name={`${prefix}.custody`} label="Vårdnad" defaultValue="joint" options={CUSTODY_OPTIONS} />
      )}
      <SelectField
        name={`${prefix}.protection`}
        label="Skyddade personuppgifter"
        hint="Skyddad folkbokföring: adressen är okänd för enheten. Sekretessmarkering: adressen får aldrig nå den andra parten."
        options={PROTECTION_OPTIONS}
      />
      <details className="address" open={addressRefused || undefined}>
        <summary>Postadress (frivillig)</summary>
        <TextField name={`${prefix}.address.careOf`} label="c/o (frivilligt)" />
        <TextField name={`${prefix}.address.street`} label="Gatuadress" />
        <TextField name={`${prefix}.address.postalCode`} label="Postnummer" inputMode="numeric" />
        <TextField name={`${prefix}.address.city`} label="Ort" />
      </details>
    </fieldset>
  );
}

type Registration = Schemas['RegisterCaseDto'];

export function RegisterPage() {
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const [children, setChildren] = useState(1);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [duplicate, setDuplicate] = useState<{ existingCaseId: string; body: Registration } | null>(null);
  const register = useMutation({
    mutationFn: async (body: Registration) => answered(await api.POST('/cases', { body })),
    onSuccess: (registered) => {
      void client.invalidateQueries({ queryKey: ['today'] });
      navigate(paths.case(registered.id));
    },
    onError: (error, body) => {
      if (error instanceof ApiError && error.body.rule === 'oneOpenCasePerCourtCase' && error.body.existingCaseId) {
        setDuplicate({ existingCaseId: error.body.existingCaseId, body });
        setRefusal(null);
        return;
      }
      setRefusal(refusalOf(error));
    },
  });
  const labels = judgmentLabels(children);

  const submit = (data: FormData) => {
    const { body, fields } = judgmentFrom(data, children);
    setDuplicate(null);
    if (Object.keys(fields).length > 0) return setRefusal({ fields, error: undefined });
    setRefusal(null);
    register.mutate(body);
  };

  return (
    <Page title="Registrera dom" lead="Fyll i uppgifterna ur tingsrättens dom om umgängesstöd (FB 6 kap. 15 c §).">
      {duplicate && (
        <div className="notice notice--warning" role="alert">
          <h2>Det finns redan ett öppet ärende för samma mål</h2>
          <p>
            {duplicate.body.court}, mål {duplicate.body.courtCaseNumber}, har redan ett öppet ärende. Öppna det i
            stället, eller registrera ett nytt ärende om domen verkligen ska ha ett till.
          </p>
          <p className="actions">
            <Link className="button button--secondary" href={paths.case(duplicate.existingCaseId)}>
              Öppna det befintliga ärendet
            </Link>
            <button
              type="button"
              className="button button--warning"
              disabled={register.isPending}
              onClick={() => register.mutate({ ...duplicate.body, confirmDuplicateOf: duplicate.existingCaseId })}
            >
              Registrera ändå
            </button>
          </p>
        </div>
      )}
      <Form id="register" refusal={refusal} labels={labels} onSubmit={submit}>
        <fieldset className="group">
          <legend>Domen</legend>
          <TextField name="court" label="Tingsrätt" hint="Till exempel Uppsala tingsrätt." />
          <TextField name="courtCaseNumber" label="Målnummer" hint="Till exempel T 1234-26." spellCheck={false} />
          <DateField name="judgmentDate" label="Domens datum" />
          <DateField
            name="receivedAt"
            label="Dag då domen kom in (frivilligt)"
            hint="Lämna tomt om domen kom in i dag. Skriv som ÅÅÅÅ-MM-DD."
          />
          <Checkbox name="evaluationRequested" label="Tingsrätten har begärt en utvärdering efter perioden" />
        </fieldset>
        <fieldset className="group">
          <legend>Perioden</legend>
          <DateField name="periodStart" label="Periodens första dag" />
          <DateField
            name="periodEnd"
            label="Periodens sista dag (frivilligt)"
            hint="Lämna tomt om domen inte anger något slut: perioden blir då ett år. Skriv som ÅÅÅÅ-MM-DD."
          />
          <TextArea
            name="periodCapOverrideReason"
            label="Skäl till längre period (frivilligt)"
            hint="Fyll bara i om domen anger en period som är längre än kommunens längsta tid, ett år. Skälet sparas i ärendets historik."
            rows={2}
          />
        </fieldset>
        {Array.from({ length: children }, (_, i) => (
          <PartyFields key={i} prefix={`children.${i}`} legend={children > 1 ? `Barn ${i + 1}` : 'Barnet'} child />
        ))}
        <p className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setChildren((n) => Math.min(n + 1, 12))}
          >
            Lägg till ett barn
          </button>
          {children > 1 && (
            <button type="button" className="button button--secondary" onClick={() => setChildren((n) => n - 1)}>
              Ta bort barn {children}
            </button>
          )}
        </p>
        <PartyFields prefix="residentParent" legend="Boendeförälder" />
        <PartyFields prefix="visitingParent" legend="Umgängesförälder" />
        <SubmitButton busy={register.isPending}>Registrera dom</SubmitButton>
      </Form>
    </Page>
  );
}
