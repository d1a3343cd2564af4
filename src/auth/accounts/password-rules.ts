import argon2 from 'argon2';

/** The shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest: hashing is costly, and nobody types more. */
export const MAX_PASSWORD_LENGTH = 200;

export const USERNAME_SHAPE = /^[a-z0-9][a-z0-9._@-]{0,119}$/;

/** What is wrong with a new password, in Swedish, or nothing. */
export function passwordProblem(password: string): string | undefined {
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH)
    return `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken (det har ${length}).`;
  if (length > MAX_PASSWORD_LENGTH) return `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken.`;
  return undefined;
}

/** argon2id with the library's defaults (64 MiB, 3 passes), which meet OWASP's recommendation. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function passwordMatches(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}
