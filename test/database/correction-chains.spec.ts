import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config.js';
import { dataSourceOptions, MIGRATIONS } from '../../src/database/data-source-options.js';
import { OneCorrectionPerEntry1763900002200 } from '../../src/database/migrations/1763900002200-one-correction-per-entry.js';
import { CaseDocument } from '../../src/documents/document.entity.js';
import { DATABASES, ThrowAwayDatabase } from '../support/test-app.js';

function aDocument(caseId: string, correctsId: string | null): CaseDocument {
  return Object.assign(new CaseDocument(), {
    id: randomUUID(),
    caseId,
    kind: 'enrollmentForm',
    origin: 'recorded',
    title: 'Inskrivningsblankett',
    date: '2026-11-20',
    author: 'Anna',
    recipients: [],
    status: 'final',
    body: null,
    fileName: null,
    contentType: null,
    size: null,
    sha256: null,
    correctsId,
    createdAt: new Date('2026-11-20T09:00:00Z'),
    createdBy: 'anna',
  });
}

describe.each(DATABASES)(
  'upgrading a database whose chain of corrections forked before it was enforced (%s)',
  (database) => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    it('refuses to start enforcing one correction per entry, naming the entries corrected twice, and changes nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
      cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
      const throwAway = await ThrowAwayDatabase.create(database, dir, { empty: true });
      cleanups.push(() => throwAway.drop());
      const options = dataSourceOptions(loadConfig({ DATA_DIR: dir, ...throwAway.env }).database);
      const before = new DataSource({
        ...options,
        migrationsRun: false,
        entities: [CaseDocument],
        migrations: MIGRATIONS.filter((m) => m !== OneCorrectionPerEntry1763900002200),
      });
      await before.initialize();
      cleanups.push(() => before.destroy());
      await before.runMigrations();
      const caseId = randomUUID();
      const original = aDocument(caseId, null);
      await before.manager.insert(CaseDocument, [
        original,
        aDocument(caseId, original.id),
        aDocument(caseId, original.id),
        aDocument(caseId, null),
      ]);

      const upgraded = new DataSource({
        ...options,
        migrationsRun: false,
        entities: [CaseDocument],
        migrations: MIGRATIONS,
      });
      await upgraded.initialize();
      cleanups.push(() => upgraded.destroy());
      await expect(upgraded.runMigrations()).rejects.toThrow(
        `1 entr(ies) of documents are corrected more than once (ids ${original.id})`,
      );
      expect(await upgraded.manager.count(CaseDocument)).toBe(4);

      // Once the unit has decided which correction stands, the upgrade goes through.
      const corrections = await upgraded.manager.findBy(CaseDocument, { correctsId: original.id });
      await upgraded.manager.delete(CaseDocument, { id: corrections[1].id });
      await upgraded.runMigrations();
      await expect(upgraded.manager.insert(CaseDocument, aDocument(caseId, original.id))).rejects.toThrow(
        database === 'postgres'
          ? 'duplicate key value violates unique constraint "UQ_documents_corrects"'
          : 'UNIQUE constraint failed: documents.correctsId',
      );
    });
  },
);
