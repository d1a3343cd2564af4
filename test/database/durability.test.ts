import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { DATABASES, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DATABASES)('an acknowledged change is never lost (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database, durable: true });
  });
  afterAll(() => t.close());

  it('has every commit reach the disk before the answer goes out', async () => {
    const dataSource = t.app.get(DataSource);
    if (database === 'sqlite') {
      const [{ synchronous }] = (await dataSource.query('PRAGMA synchronous')) as { synchronous: number }[];
      expect(synchronous).toBe(2); // FULL
    } else {
      const [{ synchronous_commit }] = (await dataSource.query('SHOW synchronous_commit')) as {
        synchronous_commit: string;
      }[];
      expect(synchronous_commit).toBe('on');
    }
  });
});
