import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Loading, Notice, Page } from '../../app/page';
import { Form, SubmitButton, TextArea, TextField, textOf } from '../../components/form';
import { answered, api, type Schemas } from '../../lib/api';
import { Checks } from '../../lib/checks';
import { refusalOf, type Refusal } from '../../lib/refusals';
import { useStaff } from '../../lib/staff';

type Unit = Schemas['UnitResponse'];
type Profile = Schemas['StaffProfileResponse'];

/** As the API checks them (src/organisation/dto). */
const PHONE = /^\+?[0-9][0-9 -]{4,38}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const UNIT_LABELS: Record<keyof Unit, string> = {
  municipality: 'Kommun',
  committee: 'Nämnd',
  unitName: 'Enhetens namn',
  postalAddress: 'Postadress',
  phone: 'Telefon',
  email: 'E-post',
  phoneHours: 'Telefontider',
};

/** The unit's names, each with an example. */
const NAME_FIELDS: [keyof Unit, string][] = [
  ['municipality', 'Uppsala kommun'],
  ['committee', 'Socialnämnden'],
  ['unitName', 'Familjerätten'],
];

const PROFILE_LABELS = { subject: 'Användarnamn', name: 'Namn', title: 'Titel', phone: 'Telefon', email: 'E-post' };

function checkPhoneAndEmail(checks: Checks, phone: string | undefined, email: string | undefined, required: boolean) {
  if (phone === undefined) {
    if (required) checks.fail('phone', 'Ange telefonnummer.');
  } else if (!PHONE.test(phone)) {
    checks.fail('phone', 'Ange telefonnumret med siffror, mellanslag och bindestreck, till exempel 018-727 00 00.');
  }
  if (email === undefined) {
    if (required) checks.fail('email', 'Ange e-postadress.');
  } else if (!EMAIL.test(email)) {
    checks.fail('email', 'Ange en giltig e-postadress, till exempel familjeratten@kommun.se.');
  }
}

function UnitForm({ unit }: { unit: Unit }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async (body: Schemas['UnitDetailsDto']) => answered(await api.PUT('/unit', { body })),
    onSuccess: (next) => {
      client.setQueryData(['unit'], next);
      setRefusal(null);
      setSaved(true);
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const body = Object.fromEntries(
      (Object.keys(UNIT_LABELS) as (keyof Unit)[]).flatMap((field) => {
        const value = textOf(data, field);
        return value === undefined ? [] : [[field, value]];
      }),
    ) as Schemas['UnitDetailsDto'];
    checkPhoneAndEmail(checks, body.phone, body.email, false);
    setSaved(false);
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    save.mutate(body);
  };
  const missing = (Object.keys(UNIT_LABELS) as (keyof Unit)[]).filter((field) => unit[field] === null);
  return (
    <section aria-labelledby="unit-title" className="panel">
      <h2 id="unit-title">Enhetens uppgifter</h2>
      <p>Uppgifterna står på enhetens brev. Ett brev kan inte skapas förrän alla är ifyllda.</p>
      {missing.length > 0 && (
        <p className="notice notice--warning">
          Saknas: {missing.map((field) => UNIT_LABELS[field].toLowerCase()).join(', ')}.
        </p>
      )}
      {saved && <Notice kind="success">Enhetens uppgifter är sparade.</Notice>}
      <Form id="unit" refusal={refusal} labels={UNIT_LABELS} onSubmit={submit} aria-labelledby="unit-title">
        {NAME_FIELDS.map(([field, example]) => (
          <TextField
            key={field}
            name={field}
            label={UNIT_LABELS[field]}
            defaultValue={unit[field] ?? ''}
            hint={`Till exempel ${example}.`}
          />
        ))}
        <TextArea
          name="postalAddress"
          label="Postadress"
          rows={3}
          defaultValue={unit.postalAddress ?? ''}
          hint="Som på brevet, en rad per rad."
        />
        <TextField name="phone" label="Telefon" type="tel" defaultValue={unit.phone ?? ''} />
        <TextField name="email" label="E-post" type="email" spellCheck={false} defaultValue={unit.email ?? ''} />
        <TextField
          name="phoneHours"
          label="Telefontider"
          defaultValue={unit.phoneHours ?? ''}
          hint="Till exempel måndag–fredag kl. 9.00–10.00."
        />
        <SubmitButton busy={save.isPending}>Spara enhetens uppgifter</SubmitButton>
      </Form>
    </section>
  );
}

/** A staff member's profile: a new one names the username it belongs to. */
function ProfileForm({ profile, onDone }: { profile?: Profile; onDone: (name: string) => void }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const write = useMutation({
    mutationFn: async ({ subject, body }: { subject: string; body: Schemas['StaffProfileDto'] }) =>
      answered(await api.PUT('/staff/{id}', { params: { path: { id: subject } }, body })),
    onSuccess: (written) => {
      void client.invalidateQueries({ queryKey: ['staff'] });
      onDone(written.name);
    },
    onError: (error) => setRefusal(refusalOf(error)),
  });
  const submit = (data: FormData) => {
    const checks = new Checks();
    const subject = profile?.subject ?? textOf(data, 'subject');
    checks.required('subject', subject, 'Ange användarnamnet som personen loggar in med.');
    const name = textOf(data, 'name');
    checks.name('name', name, 'Ange namnet.');
    const title = textOf(data, 'title');
    checks.required('title', title, 'Ange titeln, till exempel familjerättssekreterare.');
    const phone = textOf(data, 'phone');
    const email = textOf(data, 'email');
    checkPhoneAndEmail(checks, phone, email, true);
    if (!checks.ok) return setRefusal({ fields: checks.fields, error: undefined });
    write.mutate({ subject: subject!, body: { name: name!, title: title!, phone: phone!, email: email! } });
  };
  const id = profile ? `profile-${profile.subject}` : 'profile-new';
  return (
    <Form id={id} refusal={refusal} labels={PROFILE_LABELS} onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{profile ? `Ändra profilen för ${profile.name}` : 'Ny personalprofil'}</h3>
      {!profile && (
        <TextField
          name="subject"
          label="Användarnamn"
          hint="Det personen loggar in med, till exempel anna."
          spellCheck={false}
        />
      )}
      <TextField name="name" label="Namn" defaultValue={profile?.name} />
      <TextField
        name="title"
        label="Titel"
        defaultValue={profile?.title}
        hint="Till exempel familjerättssekreterare."
      />
      <TextField name="phone" label="Telefon" type="tel" defaultValue={profile?.phone} />
      <TextField name="email" label="E-post" type="email" spellCheck={false} defaultValue={profile?.email} />
      <SubmitButton busy={write.isPending}>Spara profilen</SubmitButton>
    </Form>
  );
}

function StaffProfiles() {
  const staff = useStaff();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (name: string) => {
    setEditing(null);
    setSaved(`Profilen för ${name} är sparad.`);
  };
  const open = (subject: string) => {
    setSaved(null);
    setEditing(editing === subject ? null : subject);
  };
  return (
    <section aria-labelledby="staff-title" className="panel">
      <h2 id="staff-title">Personalprofiler</h2>
      <p>Namn, titel, telefon och e-post som står på de brev en handläggare skriver under.</p>
      {saved && <Notice kind="success">{saved}</Notice>}
      {staff.isPending ? (
        <Loading />
      ) : (staff.data?.items.length ?? 0) === 0 ? (
        <p>Ingen har en personalprofil ännu.</p>
      ) : (
        <ul className="cards">
          {staff.data!.items.map((profile) => (
            <li key={profile.subject} className="card">
              <h3>{profile.name}</h3>
              <dl className="summary-list">
                <div>
                  <dt>Titel</dt>
                  <dd>{profile.title}</dd>
                </div>
                <div>
                  <dt>Telefon</dt>
                  <dd>{profile.phone}</dd>
                </div>
                <div>
                  <dt>E-post</dt>
                  <dd>{profile.email}</dd>
                </div>
                <div>
                  <dt>Användarnamn</dt>
                  <dd>{profile.subject}</dd>
                </div>
              </dl>
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={editing === profile.subject}
                onClick={() => open(profile.subject)}
              >
                Ändra<span className="visually-hidden"> profilen för {profile.name}</span>
              </button>
              {editing === profile.subject && <ProfileForm profile={profile} onDone={done} />}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={editing === ''}
        onClick={() => open('')}
      >
        Lägg till en personalprofil
      </button>
      {editing === '' && <ProfileForm onDone={done} />}
    </section>
  );
}

/** "Enheten": the unit's details printed on its letters, and the staff profiles the letters are signed with. */
export function UnitPage() {
  const unit = useQuery({ queryKey: ['unit'], queryFn: async () => answered(await api.GET('/unit')) });
  return (
    <Page title="Enheten">
      {unit.isPending ? <Loading /> : unit.data ? <UnitForm unit={unit.data} /> : <p>Uppgifterna kunde inte hämtas.</p>}
      <StaffProfiles />
    </Page>
  );
}
