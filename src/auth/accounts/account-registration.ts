import type { EntityManager } from 'typeorm';
import type { Role } from '../../common/actor.js';
import { SignInRepository } from '../sign-in.repository.js';
import { hashPassword, passwordProblem, USERNAME_SHAPE } from './password-rules.js';
import { UserAccount } from './user-account.entity.js';

export interface NewAccount {
  username: string;
  name: string;
  role: Role;
  supporterId?: string;
  password: string;
}

/** Why an account was not created, in Swedish, one problem per line. */
export class AccountRefusedError extends Error {}

const accounts = new SignInRepository();

const SUPPORTER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything wrong with the new account before anything is stored. */
function problemsOf(account: NewAccount): string[] {
  const problems: string[] = [];
  if (!USERNAME_SHAPE.test(account.username))
    problems.push(
      'Användarnamnet får bara innehålla små bokstäver a–z, siffror och tecknen . _ @ - och måste börja med en bokstav eller siffra (högst 120 tecken).',
    );
  const name = account.name.trim();
  if (name === '' || name.length > 200) problems.push('Namnet måste ha mellan 1 och 200 tecken.');
  if (account.role === 'supporter' && !account.supporterId)
    problems.push('En umgängesstödjare behöver --supporter-id: id:t för stödjarens post i registret.');
  if (account.supporterId !== undefined && !SUPPORTER_ID.test(account.supporterId))
    problems.push('--supporter-id måste vara ett UUID, till exempel 3f2b8c1e-9d4a-4c61-8f0e-2a7b5d9c1e43.');
  if (account.supporterId !== undefined && account.role !== 'supporter')
    problems.push('--supporter-id hör bara till rollen supporter.');
  const password = passwordProblem(account.password);
  if (password) problems.push(password);
  return problems;
}

/** Creates a local account with an argon2id hash of its password; a taken name or weak password is refused. */
export async function registerAccount(manager: EntityManager, account: NewAccount, now: Date): Promise<void> {
  const problems = problemsOf(account);
  if (problems.length > 0) throw new AccountRefusedError(problems.join('\n'));
  if (await accounts.accountExists(manager, account.username))
    throw new AccountRefusedError(`Användarnamnet ${account.username} finns redan.`);
  await accounts.insertAccount(
    manager,
    Object.assign(new UserAccount(), {
      username: account.username,
      name: account.name.trim(),
      role: account.role,
      supporterId: account.supporterId ?? null,
      passwordHash: await hashPassword(account.password),
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: now,
    }),
  );
}
