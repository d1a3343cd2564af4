import { isEmail, isIP, isURL } from 'class-validator';

/** A value the environment gave that breaks its variable's rule; the message names both. */
export class VariableProblem extends Error {}

/** Reads a variable's text into its value, or throws a VariableProblem naming the rule. */
export interface Parser<T> {
  /** The rule in words, for docs/configuration.md. */
  rule: string;
  parse(raw: string, name: string): T;
}

/** The variables given (never empty), for a default or a combination that depends on another one. */
export type Given = Readonly<Record<string, string>>;

/** One environment variable, declared once: the docs' table and the typed configuration come from it. */
export interface Variable<T> {
  kind: 'variable';
  name: string;
  description: string;
  parser: Parser<unknown>;
  /** Its value when not given: fixed, or worked out from the values of the variables given. */
  fallback: T | ((given: Given) => T);
  /** The default as the docs show it, where the value itself does not say it well. */
  shownDefault?: string;
}

/** Variables read together into one value (where either of two settings wins, say). */
export interface Combined<D, R> {
  kind: 'combined';
  parts: D;
  combine(values: Resolved<D>, given: Given): R;
}

export type Declarations = { [key: string]: Variable<unknown> | Combined<unknown, unknown> | Declarations };

/** What the declarations read into: each variable's value where it was declared. */
export type Resolved<D> =
  D extends Variable<infer T>
    ? T
    : D extends Combined<unknown, infer R>
      ? R
      : { -readonly [K in keyof D]: Resolved<D[K]> };

export function variable<P, F extends P | undefined>(
  name: string,
  parser: Parser<P>,
  fallback: F | ((given: Given) => F),
  description: string,
  shownDefault?: string,
): Variable<P | F> {
  return { kind: 'variable', name, description, parser, fallback, ...(shownDefault ? { shownDefault } : {}) };
}

export function combined<D extends Declarations, R>(
  parts: D,
  combine: (values: Resolved<D>, given: Given) => R,
): Combined<D, R> {
  return { kind: 'combined', parts, combine };
}

function parser<T>(rule: string, parse: (raw: string, name: string) => T): Parser<T> {
  return { rule, parse };
}

const problem = (message: string) => {
  throw new VariableProblem(message);
};

export const integer = (min: number, max: number) =>
  parser(`whole number, ${min} to ${max}`, (raw, name) => {
    const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(value)) return problem(`${name} must be a whole number`);
    if (value < min) return problem(`${name} must not be less than ${min}`);
    if (value > max) return problem(`${name} must not be greater than ${max}`);
    return value;
  });

export const text = () => parser('text', (raw) => raw);

export const matching = (pattern: RegExp, rule: string, message: string) =>
  parser(rule, (raw, name) => (pattern.test(raw) ? raw : problem(`${name} ${message}`)));

export const oneOf = <T extends string>(values: readonly T[]) =>
  parser(values.map((v) => `\`${v}\``).join(', '), (raw, name) =>
    (values as readonly string[]).includes(raw) ? (raw as T) : problem(`${name} must be one of: ${values.join(', ')}`),
  );

export const flag = () =>
  parser('`true` or `false`', (raw, name) =>
    raw === 'true' ? true : raw === 'false' ? false : problem(`${name} must be true or false`),
  );

export const ipAddress = () =>
  parser('IP address', (raw, name) =>
    isIP(raw) ? raw : problem(`${name} must be an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0`),
  );

export const url = (protocols: string[], message: string) =>
  parser(`${protocols.join('/')} URL`, (raw, name) =>
    isURL(raw, { require_tld: false, protocols, require_protocol: true }) ? raw : problem(`${name} ${message}`),
  );

export const email = () =>
  parser('e-mail address', (raw, name) =>
    isEmail(raw, { allow_display_name: false, require_tld: false })
      ? raw
      : problem(`${name} must be an e-mail address`),
  );

/** Any parser's value, changed once it passed (a list split, an amount in öre). */
export const then = <T, U>(inner: Parser<T>, change: (value: T, name: string) => U, rule = inner.rule): Parser<U> =>
  parser(rule, (raw, name) => change(inner.parse(raw, name), name));

/** Every variable declared, in the order of the declarations. */
export function variablesOf(declarations: Declarations | Combined<unknown, unknown>): Variable<unknown>[] {
  const entries = declarations.kind === 'combined' ? [declarations.parts] : Object.values(declarations);
  return entries.flatMap((entry) => {
    if ((entry as Variable<unknown>).kind === 'variable') return [entry as Variable<unknown>];
    return variablesOf(entry as Declarations);
  });
}

/**
 * Reads every declared variable from `given`, collecting each problem rather than stopping at the
 * first, so one start names every bad variable.
 */
export function resolve<D extends Declarations>(declarations: D, given: Given, problems: string[]): Resolved<D> {
  const read = (entry: Variable<unknown> | Combined<unknown, unknown> | Declarations): unknown => {
    if (entry.kind === 'variable') {
      const v = entry;
      const raw = given[v.name];
      if (raw === undefined)
        return typeof v.fallback === 'function' ? (v.fallback as (g: Given) => unknown)(given) : v.fallback;
      try {
        return v.parser.parse(raw, v.name);
      } catch (error) {
        if (!(error instanceof VariableProblem)) throw error;
        problems.push(error.message);
        return undefined;
      }
    }
    if (entry.kind === 'combined') {
      const c = entry;
      const values = read(c.parts as Declarations);
      if (problems.length > 0) return undefined;
      try {
        return c.combine(values as never, given);
      } catch (error) {
        if (!(error instanceof VariableProblem)) throw error;
        problems.push(error.message);
        return undefined;
      }
    }
    return Object.fromEntries(Object.entries(entry).map(([key, inner]) => [key, read(inner as Declarations)]));
  };
  return read(declarations) as Resolved<D>;
}
