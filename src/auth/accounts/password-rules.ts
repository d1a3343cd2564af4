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

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), which meet OWASP's recommendation. */
export const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 } as const;

/**
 * A hash of a random password nobody was told, checked when the username is unknown, so that an
 * unknown user takes as long to refuse as a wrong password and the answer's timing tells nothing.
 * Written out, not hashed at start: that cost every process loading the service (each command,
 * each test file) 0.4 s of CPU. Its parameters are HASH_OPTIONS' (test/auth/password-hashing).
 */
export const NO_ONES_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$v8dODwP5vXzFtO3iKkiIlA$8JvP4pi/V4FejovWOTZ/2J9+oMe9bofMbhVM60vosbM';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export function passwordMatches(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}
