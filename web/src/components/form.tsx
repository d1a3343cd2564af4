import { createContext, useContext, useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import type { FieldErrors, Refusal } from '../lib/refusals';

/**
 * Forms as GOV.UK's design system builds them: a label above each field, hint text under it, the
 * error at the field (tied to it with aria-describedby) and an error summary at the top that
 * takes focus and links to each field.
 */

interface Scope {
  id: string;
  errors: FieldErrors;
}

const ScopeContext = createContext<Scope>({ id: 'form', errors: {} });

export function fieldId(scope: string, name: string): string {
  return `${scope}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The messages of the form around a component, by field name. */
export function useFormErrors(): FieldErrors {
  return useContext(ScopeContext).errors;
}

function useField(name: string) {
  const scope = useContext(ScopeContext);
  const id = fieldId(scope.id, name);
  return { id, error: scope.errors[name] };
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
    </>
  );
}

interface FormProps {
  id: string;
  refusal?: Refusal | null;
  /** Field names in the order the form shows them, with their labels, for the error summary's links. */
  labels?: Record<string, string>;
  onSubmit: (data: FormData) => void;
  children: ReactNode;
  className?: string;
  'aria-labelledby'?: string;
}

export function Form({ id, refusal, labels = {}, onSubmit, children, className, ...rest }: FormProps) {
  const errors = refusal?.fields ?? {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget));
  };
  return (
    <ScopeContext.Provider value={{ id, errors }}>
      {refusal && <ErrorSummary scope={id} refusal={refusal} labels={labels} />}
      <form id={id} noValidate onSubmit={submit} className={className} aria-labelledby={rest['aria-labelledby']}>
        {children}
      </form>
    </ScopeContext.Provider>
  );
}

export function ErrorSummary({
  scope,
  refusal,
  labels,
}: {
  scope: string;
  refusal: Refusal;
  labels: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [refusal]);
  const known = Object.keys(labels);
  const entries = Object.entries(refusal.fields).sort(
    ([a], [b]) => (known.indexOf(a) + 1 || 999) - (known.indexOf(b) + 1 || 999),
  );
  if (entries.length === 0 && !refusal.general) return null;
  const jump = (name: string) => (event: React.MouseEvent) => {
    const target = document.getElementById(fieldId(scope, name));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${scope}-summary-title`}>
      <h2 id={`${scope}-summary-title`}>Det finns ett problem</h2>
      <ul>
        {refusal.general && <li>{refusal.general}</li>}
        {entries.map(([name, message]) => (
          <li key={name}>
            {labels[name] ? (
              <a href={`#${fieldId(scope, name)}`} onClick={jump(name)}>
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultValue?: string;
  className?: string;
}

export function TextField({
  name,
  label,
  hint,
  defaultValue,
  className,
  type = 'text',
  autoComplete = 'off',
  inputMode,
  spellCheck,
  accept,
  capture,
}: FieldProps & {
  type?: 'text' | 'password' | 'email' | 'tel' | 'search' | 'number' | 'file';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'decimal';
  spellCheck?: boolean;
  /** For a file: the types it may be; `capture` offers a phone's camera first (a photo of a paper form). */
  accept?: string;
  capture?: 'environment';
}) {
  const { id, error } = useField(name);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        accept={accept}
        capture={capture}
        className={className}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

/** A calendar day typed as ÅÅÅÅ-MM-DD: works the same with any keyboard and screen reader. */
export function DateField(props: FieldProps) {
  return (
    <TextField
      {...props}
      inputMode="numeric"
      className="input--date"
      hint={props.hint ?? 'Skriv som ÅÅÅÅ-MM-DD, till exempel 2026-11-20.'}
    />
  );
}

export function TextArea({ name, label, hint, defaultValue, rows = 4 }: FieldProps & { rows?: number }) {
  const { id, error } = useField(name);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  defaultValue,
  options,
  onChange,
}: FieldProps & { options: [value: string, label: string][]; onChange?: (value: string) => void }) {
  const { id, error } = useField(name);
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox({
  name,
  label,
  hint,
  defaultChecked,
  onChange,
}: Omit<FieldProps, 'defaultValue'> & { defaultChecked?: boolean; onChange?: (checked: boolean) => void }) {
  const { id, error } = useField(name);
  return (
    <div className={`field checkbox${error ? ' field--error' : ''}`}>
      <FieldMessages id={id} error={error} />
      <input
        id={id}
        name={name}
        type="checkbox"
        value="true"
        defaultChecked={defaultChecked}
        onChange={onChange ? (event) => onChange(event.target.checked) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="hint checkbox__hint">
          {hint}
        </div>
      )}
    </div>
  );
}

export function Radios({
  name,
  legend,
  hint,
  options,
  defaultValue,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: [value: string, label: string][];
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  const { id, error } = useField(name);
  return (
    <fieldset className={`field radios${error ? ' field--error' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {options.map(([value, text], index) => {
        const optionId = index === 0 ? id : `${id}-${value}`;
        return (
          <div className="radio" key={value}>
            <input
              id={optionId}
              type="radio"
              name={name}
              value={value}
              defaultChecked={defaultValue === value}
              onChange={onChange ? () => onChange(value) : undefined}
            />
            <label htmlFor={optionId}>{text}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A form's button; while the request is under way it says so and cannot be pressed twice. */
export function SubmitButton({
  busy,
  children,
  secondary,
}: {
  busy?: boolean;
  children: ReactNode;
  secondary?: boolean;
}) {
  return (
    <button
      type="submit"
      className={secondary ? 'button button--secondary' : 'button'}
      aria-disabled={busy || undefined}
      disabled={busy}
    >
      {busy ? 'Skickar …' : children}
    </button>
  );
}

/** The text of a form field, trimmed; undefined when left empty. */
export function textOf(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
