import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { assign } from 'xstate';
import { CASE_MACHINE_VERSION, caseMachine } from '../../machines/case-machine.js';
import { persist, restore, startCase, type PersistedCase } from '../../machines/case-decisions.js';
import { GUARD_RULES } from '../../machines/guard-rules.js';
import { migrateToCurrent, needsMigration } from '../../machines/migrations.js';
import { MACHINE_VERSIONS, machineFor } from '../../machines/registry.js';
import { definitionHash } from '../support/machine-definition.js';

/**
 * The whole definition of every shipped version, guard and action code included, pinned. A
 * shipped version is never edited: when this test fails, the change belongs in a new version
 * beside it (docs/machine-versions.md). The structure of both versions is the one shipped before
 * this hash took in the code: with @1's id read as its old `contactSupport`, the former hash of
 * states, transitions and implementation names gave the figures pinned then.
 */
const SHIPPED: Record<string, string> = {
  'contactSupport@1': 'ab754c2ea884025986018019a09e17ae5b8f913503bde378751c0107acfa5bfd',
  'contactSupport@2': 'b53dcfbdc62d38d9e114ee2053cd5d621bd67147aa197285ee78b706aa394123',
  // Re-pinned before its first release (it took BOOK_MEETING and latestVisitAt while never shipped); frozen from then on.
  'contactSupport@3': '963b622d8269e47b748cacb9d986b18ade62af4069ac214afd9f857f55fee9c2',
};

/** The folders that hold one shipped version each: `machines/<name>-v<N>/`. */
const VERSION_FOLDERS = readdirSync('machines', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /-v\d+$/.test(entry.name))
  .map((entry) => `machines/${entry.name}`);

/** A file directly in machines/, seen from a version folder: the types every version shares. */
const SHARED_FILE = /^\.\.\/[a-z-]+\.js$/;

/** A file's imports: where from, and whether only types come in. */
function importsOf(file: string): { from: string; typesOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier)) return [];
      const typesOnly = ts.isImportDeclaration(statement)
        ? statement.importClause?.isTypeOnly === true
        : statement.isTypeOnly;
      return [{ from: specifier.text, typesOnly }];
    }
    return [];
  });
}

describe('shipped machine versions', () => {
  it.each(Object.entries(SHIPPED))('keeps %s exactly as it was shipped', (version, hash) => {
    expect(definitionHash(machineFor(version))).toBe(hash);
  });

  it('registers every shipped version and pins every registered one', () => {
    expect([...MACHINE_VERSIONS].sort()).toEqual(Object.keys(SHIPPED).sort());
  });

  it('names the version in every machine id', () => {
    expect(caseMachine.id).toBe(CASE_MACHINE_VERSION);
    for (const version of MACHINE_VERSIONS) expect(machineFor(version).id).toBe(version);
  });

  it('notices a guard or an action whose body changed, though every name stays the same', () => {
    const pinned = definitionHash(caseMachine);
    const guardChanged = caseMachine.provide({
      guards: { visitsWereStarted: ({ context }) => context.visitsStartedAt === undefined },
    });
    expect(definitionHash(guardChanged)).not.toBe(pinned);
    const actionChanged = caseMachine.provide({
      actions: { logVisit: assign(({ context }) => ({ visitCount: context.visitCount + 1 })) },
    });
    expect(definitionHash(actionChanged)).not.toBe(pinned);
  });

  it('keeps each version in a folder of its own that takes nothing but types from outside it', () => {
    expect(VERSION_FOLDERS.length).toBe(MACHINE_VERSIONS.length);
    const offending = VERSION_FOLDERS.flatMap((folder) =>
      readdirSync(folder)
        .map((name) => `${folder}/${name}`)
        .flatMap((file) =>
          importsOf(file)
            .filter(
              ({ from, typesOnly }) =>
                !(from === 'xstate' || from.startsWith('./') || (typesOnly && SHARED_FILE.test(from))),
            )
            .map(({ from }) => `${file} imports ${from}`),
        ),
    );
    expect(offending).toEqual([]);
  });

  it('has the words of every guard any version uses', () => {
    const guards = MACHINE_VERSIONS.flatMap((version) => Object.keys(machineFor(version).implementations.guards));
    expect(guards.filter((guard) => !(guard in GUARD_RULES))).toEqual([]);
  });

  it.each(MACHINE_VERSIONS)('restores a case stored under %s in each of its states', (version) => {
    const machine = machineFor(version);
    const context = { judgment: JUDGMENT, registeredAt: '2026-11-10T09:00:00.000Z', visitCount: 0 };
    for (const value of STORED_VALUES) {
      const stored = JSON.parse(JSON.stringify({ value, context })) as PersistedCase;
      const snapshot = restore(machine, stored);
      expect(persist(snapshot)).toEqual(stored);
      expect(snapshot.status).toBe(value === 'archived' ? 'done' : 'active');
    }
  });

  it('moves an open @1 case to the current version with its state and context unchanged', () => {
    const v1 = machineFor('contactSupport@1');
    const stored = persist(startCase(v1, { judgment: JUDGMENT, registeredAt: '2026-11-10T09:00:00.000Z' }));
    expect(needsMigration('contactSupport@1', stored)).toBe(true);
    const migrated = migrateToCurrent('contactSupport@1', stored);
    expect(migrated).toEqual({
      version: CASE_MACHINE_VERSION,
      persisted: stored,
      path: ['contactSupport@1', 'contactSupport@2', CASE_MACHINE_VERSION],
    });
    expect(restore(caseMachine, migrated.persisted).can({ type: 'PERIOD_ENDED', at: '2027-11-16T00:00:00.000Z' })).toBe(
      true,
    );
  });

  it('leaves an archived @1 case on @1: nothing changes an archived case', () => {
    expect(
      needsMigration('contactSupport@1', {
        value: 'archived',
        context: { judgment: JUDGMENT, registeredAt: '2026-11-10T09:00:00.000Z', visitCount: 0 },
      }),
    ).toBe(false);
  });
});

/** What a stored case holds in its snapshot's `value`, in every state both versions know. */
const STORED_VALUES = [
  'received',
  'initiated',
  'supporterAppointed',
  { startupMeeting: 'summoned' },
  { startupMeeting: 'held' },
  'activeVisits',
  'midpointFollowUp',
  { closing: 'awaitingClosingMeeting' },
  { closing: 'closingMeetingHeld' },
  'evaluated',
  'archived',
];

const JUDGMENT = {
  court: 'Göteborgs tingsrätt',
  courtCaseNumber: 'T 1234-26',
  judgmentDate: '2026-11-02',
  periodStart: '2026-11-16',
  periodEnd: '2027-11-15',
  periodEndSetByCourt: true,
  evaluationRequested: false,
};
